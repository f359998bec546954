package org.resellledger.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.OutboxEntry;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.RiskFlag;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.core.store.StreamState;

/**
 * The rules of the queues about proposals: outbox writes blocked after too many failures, pending changes
 * flagged risky, and approvals waiting longer than the policy's age.
 *
 * <ul>
 *   <li>Each queue walks one of the proposals' keys ({@code blocked: <id>}, {@code pending: <drafted-at>|<id>})
 *       through {@link LedgerStore#streamsWithKeyAfter}, in key order; the cursor is the last key value read.
 *   <li>The keys are read a batch at a time from the cursor (a keyset walk, with no cap on how many
 *       proposals wait), then the state of each proposal the page needs, one read each, until it is full.
 * </ul>
 */
final class ProposalRulesOfQueues {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final QueuePolicy policy;

  ProposalRulesOfQueues(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.policy = policy;
  }

  Page<QueueEntry> blockedWrites(Optional<String> after, int limit) {
    return scan(ProposalStreams.BLOCKED_KEY, key -> false, this::blockedEntry, after, limit);
  }

  Page<QueueEntry> riskyChanges(Optional<String> after, int limit) {
    return scan(ProposalStreams.PENDING_KEY, key -> false, this::riskyEntry, after, limit);
  }

  /** Pending keys sort by drafted-at, so the walk stops at the first one drafted too recently. */
  Page<QueueEntry> staleApprovals(Optional<String> after, int limit) {
    String fresh = ProposalStreams.sortable(config.clock().instant().minus(policy.staleApproval()));
    return scan(ProposalStreams.PENDING_KEY, key -> key.compareTo(fresh) >= 0, this::staleEntry, after, limit);
  }

  private Page<QueueEntry> scan(String keyName, Predicate<String> past, Function<Proposal, Optional<QueueEntry>> rule,
      Optional<String> after, int limit) {
    if (after.isPresent() && after.get().isBlank()) {
      throw RejectionException.invalid("after", after.get(), "a cursor from a proposal queue page");
    }
    List<QueueEntry> out = new ArrayList<>();
    Optional<String> from = after;
    while (true) {
      List<KeyedStream> keys = keysAfter(keyName, from, Queues.BATCH);
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i).key().value();
        if (past.test(key)) {
          return new Page<>(out, Optional.empty());
        }
        store.state(workspace, keys.get(i).stream()).map(StreamState::state).map(Proposal.class::cast)
            .flatMap(rule).ifPresent(out::add);
        if (out.size() == limit) {
          List<KeyedStream> next = i + 1 < keys.size() ? keys.subList(i + 1, i + 2)
              : keysAfter(keyName, Optional.of(key), 1);
          boolean more = !next.isEmpty() && !past.test(next.get(0).key().value());
          return new Page<>(out, more ? Optional.of(key) : Optional.empty());
        }
      }
      if (keys.size() < Queues.BATCH) {
        return new Page<>(out, Optional.empty());
      }
      from = Optional.of(keys.get(keys.size() - 1).key().value());
    }
  }

  private List<KeyedStream> keysAfter(String keyName, Optional<String> after, int limit) {
    return store.streamsWithKeyAfter(workspace, ProposalStreams.PROPOSAL, keyName, "", after, limit);
  }

  private static Map<String, String> figures(Proposal p) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("proposal", p.id().value());
    figures.put("kind", p.kind().name());
    figures.put("target", p.target().toString());
    p.channel().ifPresent(c -> figures.put("channel", c.code()));
    p.params().forEach((k, v) -> figures.put("param." + k, v));
    return figures;
  }

  private static QueueEntry entry(QueueKind kind, Proposal p, String summary, Map<String, String> figures,
      String action) {
    return new QueueEntry(kind, p.id().value(), summary, p.evidence().events(), figures, action, Optional.empty());
  }

  /** A write the outbox stopped retrying: who, what, how often it failed and why, and what it rests on. */
  private Optional<QueueEntry> blockedEntry(Proposal p) {
    if (p.state() != ProposalState.BLOCKED || p.outbox().isEmpty()) {
      return Optional.empty();
    }
    OutboxEntry o = p.outbox().get();
    Map<String, String> figures = figures(p);
    figures.put("queue", o.queue());
    figures.put("attempts", String.valueOf(o.attempts()));
    figures.put("lastError", o.lastError().orElse("(no message)"));
    figures.put("blockedAt", p.updatedAt().toString());
    return Optional.of(entry(QueueKind.BLOCKED_WRITE, p, "write " + p.id() + " (" + p.kind() + " of " + p.target()
        + ") blocked after " + o.attempts() + " failed attempt(s): " + o.lastError().orElse("no message"), figures,
        "fix the cause named in lastError, then send it back to the outbox (RetryProposal), or drop it "
            + "(RejectProposal); writes queued behind it on " + o.queue() + " wait until then"));
  }

  /** A pending change carrying risk flags, with the figures each flag compares as the ledger has them now. */
  private Optional<QueueEntry> riskyEntry(Proposal p) {
    if (p.state() != ProposalState.PENDING || !p.risky()) {
      return Optional.empty();
    }
    Map<String, String> figures = figures(p);
    figures.put("risks", p.risks().stream().map(RiskFlag::name).sorted().reduce((a, b) -> a + "," + b).orElse(""));
    Optional<Item> item = item(p.target());
    item.ifPresent(i -> {
      for (RiskFlag flag : p.risks()) {
        switch (flag) {
          case PRICE_BELOW_COST_BASIS -> {
            figures.put("costBasis", i.details().costBasis().toString());
            figures.put("lotUnits", String.valueOf(Math.max(1, i.lotUnits())));
          }
          case PRICE_DROP_ABOVE_SHARE -> {
            listing(p.target()).flatMap(i::listing).ifPresent(l -> figures.put("currentPrice",
                l.details().price().toString()));
            figures.put("maxDropShare", config.proposals().maxPriceDropShare().toPlainString());
          }
          case QUANTITY_ABOVE_AVAILABLE -> figures.put("available", String.valueOf(i.available()));
          case HIGH_VALUE_WITHOUT_PHOTOS -> {
            figures.put("value", i.details().value().toString());
            figures.put("photoStatus", i.details().photoStatus().name());
          }
        }
      }
    });
    return Optional.of(entry(QueueKind.RISKY_CHANGE, p, p.kind() + " of " + p.target() + " is flagged "
        + figures.get("risks"), figures, "check the flagged figures, then approve it by hand (ApproveProposal), "
        + "revise it (ReviseProposal) or reject it (RejectProposal); a risky change is never auto-approved"));
  }

  /** A proposal pending for longer than {@link QueuePolicy#staleApproval}. */
  private Optional<QueueEntry> staleEntry(Proposal p) {
    Instant now = config.clock().instant();
    if (p.state() != ProposalState.PENDING || p.draftedAt().isAfter(now.minus(policy.staleApproval()))) {
      return Optional.empty();
    }
    Map<String, String> figures = figures(p);
    figures.put("author", p.author().toString());
    figures.put("draftedAt", p.draftedAt().toString());
    Duration age = Duration.between(p.draftedAt(), now);
    figures.put("days", String.valueOf(age.toDays()));
    figures.put("hours", String.valueOf(age.toHours()));
    return Optional.of(entry(QueueKind.STALE_APPROVAL, p, p.kind() + " of " + p.target() + " has waited "
        + age.toDays() + " day(s) for a decision", figures,
        "decide it: approve (ApproveProposal) or reject (RejectProposal) it"));
  }

  private Optional<Item> item(ProposalTarget target) {
    return switch (target.type()) {
      case ITEM -> store.itemBySku(workspace, Sku.of(target.id()));
      case LISTING -> store.itemIdOfListing(workspace, ListingId.of(target.id())).flatMap(id -> store.item(workspace, id));
      case ORDER -> Optional.empty();
    };
  }

  private static Optional<ListingId> listing(ProposalTarget target) {
    return target.type() == ProposalTarget.Type.LISTING ? Optional.of(ListingId.of(target.id())) : Optional.empty();
  }
}
