package org.resellledger.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.FinishWrite;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;

/**
 * Runs the approved external writes of one workspace through a {@link ChannelWriter}.
 *
 * <ul>
 *   <li>An attempt is recorded as started (APPLYING, counted against the day's edit budget, due again after a
 *       backoff) before the channel is called, and its answer after: a crash between them leaves a started
 *       attempt that is retried with the same idempotency key, so each approved proposal has one effect.
 *   <li>Compare-before-write: every request names the figure the channel should show; a channel showing
 *       another is never overwritten, the proposal is redrafted resting on the channel's figure.
 *   <li>Order is kept per queue (a listing, or an order) only: one write per queue at a time, in the order
 *       approved; a failing or blocked write holds back only its own queue.
 *   <li>Failures are retried after {@code backoffBase * 2^(n-1)} (capped at {@code backoffMax}), half of it
 *       fixed and half random ({@code random}); after {@code maxAttempts} the write is blocked.
 *   <li>A queue takes at most its channel's edit budget of writes per calendar day; later ones wait for the
 *       next day, and a later approved sync target of the same listing replaces one that waits.
 *   <li>Clock from the ledger's config; no global state: two runners may run at once (a started attempt is
 *       refused to the second one by the ledger).
 * </ul>
 */
public final class Outbox {
  static final Actor OUTBOX = Actor.system("outbox");
  private static final int MAX_DUE_READ = 10_000;

  private final Ledger ledger;
  private final LedgerStore store;
  private final ChannelWriter writer;
  private final RandomGenerator random;
  private final ProposalBook book;

  private Outbox(Ledger ledger, LedgerStore store, ChannelWriter writer, RandomGenerator random) {
    this.ledger = ledger;
    this.store = store;
    this.writer = writer;
    this.random = random;
    this.book = ProposalBook.of(ledger, store);
  }

  /** An outbox on {@code ledger} (open on {@code store}), writing through {@code writer}, jitter from {@code random}. */
  public static Outbox of(Ledger ledger, LedgerStore store, ChannelWriter writer, RandomGenerator random) {
    return new Outbox(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(writer, "writer"), Objects.requireNonNull(random, "random"));
  }

  /** Runs the writes due now, at most {@code limit} attempts (1-10,000), one per queue, earliest due first. */
  public OutboxRun runDue(int limit) {
    if (limit < 1 || limit > 10_000) {
      throw RejectionException.invalid("limit", limit, "1 to 10,000 writes");
    }
    Clock clock = ledger.config().clock();
    Instant now = clock.instant();
    ProposalPolicy policy = ledger.config().proposals();
    Tally tally = new Tally();
    Set<String> queues = new HashSet<>();
    List<KeyedStream> due = store.streamsWithKeyPrefix(ledger.workspace(), ProposalStreams.PROPOSAL,
        ProposalStreams.DUE_KEY, "", MAX_DUE_READ);
    for (KeyedStream k : due) {
      if (tally.attempts() >= limit) {
        break;
      }
      String value = k.key().value();
      if (Long.parseLong(value.substring(0, value.indexOf('|'))) > now.toEpochMilli()) {
        break;
      }
      Optional<Proposal> found = book.proposal(ProposalStreams.idOf(value));
      if (found.isEmpty() || found.get().outbox().isEmpty()) {
        continue;
      }
      Proposal p = found.get();
      String queue = p.outbox().get().queue();
      if (!queues.add(queue)) {
        tally.waiting++;
        continue;
      }
      List<Proposal> inQueue = book.outbox(queue);
      Optional<Proposal> head = inQueue.stream().filter(q -> q.outbox().map(o -> o.attempts() > 0).orElse(false))
          .findFirst().or(() -> inQueue.stream().findFirst());
      if (head.isPresent() && !head.get().id().equals(p.id())) {
        tally.waiting++;
        continue;
      }
      LocalDate day = LocalDate.ofInstant(now, policy.budgetZone());
      if (book.queue(queue).writesOn(day) >= policy.editBudget(p.outbox().get().channel())) {
        tally.overBudget++;
        continue;
      }
      runOne(p, now, policy, tally);
    }
    return tally.toRun();
  }

  private void runOne(Proposal p, Instant now, ProposalPolicy policy, Tally tally) {
    int attempt = p.outbox().get().attempts() + 1;
    Origin origin = Origin.of(Source.SYSTEM_RULE, OUTBOX).causedBy(p.id().value());
    try {
      ledger.execute(new StartWrite(p.id(), attempt, now.plus(backoff(attempt, policy)), origin));
    } catch (RejectionException refused) {
      if (refused.code() == RejectionCode.APPROVAL_EXPIRED || refused.code() == RejectionCode.TARGET_MOVED) {
        ledger.execute(new SettleProposal(p.id(), origin));
        tally.settled++;
      } else {
        tally.waiting++; // another runner started it, or it changed since it was read: the next run sees it
      }
      return;
    }
    WriteRequest request = request(book.require(p.id()), attempt);
    WriteResult result;
    try {
      result = Objects.requireNonNull(writer.write(request), "the channel writer's result");
    } catch (RuntimeException e) {
      result = WriteResult.failed(e.toString());
    }
    boolean last = attempt >= policy.maxAttempts();
    Optional<Instant> retryAt = result.outcome() == WriteOutcome.FAILED && !last
        ? Optional.of(now.plus(backoff(attempt, policy))) : Optional.empty();
    ledger.execute(new FinishWrite(p.id(), result.outcome(), result.channelQuantity(), result.channelStatus(),
        result.error(), retryAt, origin));
    switch (result.outcome()) {
      case WRITTEN -> tally.written++;
      case ALREADY_AT_TARGET -> tally.alreadyAtTarget++;
      case MISMATCH -> tally.mismatched++;
      case FAILED -> {
        if (last) {
          tally.blocked++;
        } else {
          tally.failed++;
        }
      }
    }
  }

  /** The wait before attempt {@code attempt + 1}: half of base * 2^(attempt-1) (capped) fixed, half random. */
  Duration backoff(int attempt, ProposalPolicy policy) {
    long base = policy.backoffBase().toMillis();
    long cap = policy.backoffMax().toMillis();
    long full = attempt >= 40 ? cap : Math.min(cap, base * (1L << Math.max(0, attempt - 1)));
    long half = full / 2;
    return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
  }

  /** What the channel should show now and after: see {@link WriteRequest}. */
  private WriteRequest request(Proposal p, int attempt) {
    Optional<String> externalId = Optional.empty();
    Optional<Integer> expectedQuantity = Optional.empty();
    Optional<SyncStatus> expectedStatus = Optional.empty();
    Optional<org.resellledger.core.money.Money> expectedPrice = Optional.empty();
    if (p.target().type() == ProposalTarget.Type.LISTING) {
      Listing listing = ledger.listing(ListingId.of(p.target().id())).orElseThrow();
      externalId = listing.details().externalId();
      expectedQuantity = Optional.of(figure(p, "channel.quantity").map(Integer::parseInt)
          .orElse(listing.details().listedQuantity()));
      expectedStatus = Optional.of(figure(p, "channel.status").map(SyncStatus::valueOf).orElse(listing.status()));
      expectedPrice = Optional.of(listing.details().price());
    }
    Optional<Integer> targetQuantity = p.kind() == ProposalKind.SET_LISTING_QUANTITY || p.kind() == ProposalKind.RELIST
        ? Optional.of(p.intParam("quantity")) : Optional.empty();
    Optional<SyncStatus> targetStatus = switch (p.kind()) {
      case END_LISTING -> Optional.of(SyncStatus.ENDED);
      case RELIST, PUBLISH_LISTING -> Optional.of(SyncStatus.LIVE);
      default -> Optional.empty();
    };
    return new WriteRequest(p.outbox().get().idempotencyKey(), p.id(), attempt, p.outbox().get().channel(), p.kind(),
        p.target(), externalId, p.params(), expectedQuantity, expectedStatus, expectedPrice, targetQuantity,
        targetStatus);
  }

  private static Optional<String> figure(Proposal p, String name) {
    return Optional.ofNullable(p.evidence().figures().get(name));
  }

  private static final class Tally {
    int written;
    int alreadyAtTarget;
    int mismatched;
    int failed;
    int blocked;
    int settled;
    int waiting;
    int overBudget;

    int attempts() {
      return written + alreadyAtTarget + mismatched + failed + blocked;
    }

    OutboxRun toRun() {
      return new OutboxRun(written, alreadyAtTarget, mismatched, failed, blocked, settled, waiting, overBudget);
    }
  }
}
