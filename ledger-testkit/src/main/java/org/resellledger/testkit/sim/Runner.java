package org.resellledger.testkit.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * Runs one list of steps against a fresh store and checks every invariant after every step. Deterministic:
 * the same steps on a correct store give the same outcome every time (pinned clock, sequential ids).
 */
final class Runner {
  /** Where a run stopped: the step (0-based) and the invariant it broke. */
  record Failure(int step, Invariant invariant, String message, Throwable cause) {}

  /** What one run did, for the report. */
  static final class Tally {
    final Map<String, Long> commands = new LinkedHashMap<>();
    final Map<RejectionCode, Long> rejections = new LinkedHashMap<>();
    final Map<String, Long> channels = new LinkedHashMap<>();
    long steps;
    long duplicates;
  }

  /** A named check of the caller's, run after every step: empty when it holds, else what is wrong. */
  record Check(String name, java.util.function.Function<Ledger, Optional<String>> test) {}

  private final Supplier<LedgerStore> stores;
  private final List<Check> checks;

  Runner(Supplier<LedgerStore> stores, List<Check> checks) {
    this.stores = stores;
    this.checks = List.copyOf(checks);
  }

  /** Runs {@code steps}; empty when every invariant held after every step. */
  Optional<Failure> run(List<Step> steps, Tally tally) {
    LedgerStore store = stores.get();
    try {
      return new Session(store, tally, checks).run(steps);
    } finally {
      if (store instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // closing a store after the run has no bearing on what the run found
        }
      }
    }
  }

  private static final class Session implements Names {
    private final LedgerStore store;
    private final WorkspaceId ws = WorkspaceId.of("sim-" + UUID.randomUUID());
    private final Ledger ledger;
    private final Tally tally;
    /** Symbolic names ({@code L3}, {@code O2}) to the ids the ledger gave out in this run. */
    private final Map<String, Object> ids = new HashMap<>();
    /** Every proposal drafted in this run, in order. */
    private final List<org.resellledger.core.proposal.ProposalId> proposals = new ArrayList<>();
    private final java.util.Set<org.resellledger.core.message.BuyerMessageId> messages = new java.util.LinkedHashSet<>();
    private final List<org.resellledger.core.count.CountSessionId> countSessions = new ArrayList<>();
    private final Map<ProviderRef, Delivery> receipts = new HashMap<>();
    private final Model model = new Model();
    private final List<Check> checks;
    private final StatusTracker statuses = new StatusTracker();
    private Delivery lastDelivery;
    private int eventCount;
    /** What the store held after the last step, as verified by its checks: the next step's "before". */
    private Snapshot current;

    private record Delivery(Command command, List<LedgerEvent> events) {}

    private record Snapshot(int events, List<Item> items, List<Order> orders) {}

    Session(LedgerStore store, Tally tally, List<Check> checks) {
      this.store = store;
      this.tally = tally;
      this.checks = checks;
      LedgerConfig config = Samples.config("id");
      this.ledger = Ledger.open(store, ws, config);
    }

    Optional<Failure> run(List<Step> steps) {
      for (int i = 0; i < steps.size(); i++) {
        Optional<Failure> f;
        try {
          f = step(i, steps.get(i));
        } catch (RuntimeException | AssertionError e) {
          f = Optional.of(new Failure(i, Invariant.UNEXPECTED_EXCEPTION, e.toString(), e));
        }
        if (f.isPresent()) {
          return f;
        }
      }
      return Optional.empty();
    }

    private Snapshot snapshot() {
      return new Snapshot(store.events(ws).size(), store.items(ws), store.orders(ws));
    }

    private Optional<Failure> step(int i, Step step) {
      tally.steps++;
      tally.commands.merge(step.kind(), 1L, Long::sum);
      step.channel().ifPresent(c -> tally.channels.merge(c, 1L, Long::sum));
      Snapshot before = current != null ? current : snapshot();
      if (step instanceof Step.Batch batch) {
        return batch(i, batch, before);
      }
      Command command;
      try {
        command = step.command(this);
      } catch (RejectionException e) {
        tally.rejections.merge(e.code(), 1L, Long::sum);
        return redelivery(i, before); // refused while building the command: nothing was sent
      }
      Optional<ProviderRef> ref = command.origin().provider();
      Delivery prior = ref.map(receipts::get).orElse(null);
      CommandResult result;
      try {
        result = ledger.execute(command);
      } catch (RejectionException e) {
        tally.rejections.merge(e.code(), 1L, Long::sum);
        if (!snapshot().equals(before)) {
          return fail(i, Invariant.REJECTED_BUT_CHANGED, "refused with " + e.getMessage() + " but changed the store");
        }
        if (prior != null && prior.command().equals(command)) {
          return fail(i, Invariant.IDEMPOTENCY, "a re-delivery of accepted " + ref.get() + " was refused: "
              + e.getMessage());
        }
        if (prior != null && e.code() != RejectionCode.IDEMPOTENCY_CONFLICT) {
          return fail(i, Invariant.IDEMPOTENCY, ref.get() + " came again with other content and was refused with "
              + e.code() + " instead of IDEMPOTENCY_CONFLICT");
        }
        // the store is exactly as after the last step, whose checks all held; only re-delivery can differ
        return redelivery(i, before);
      }
      if (prior != null) {
        if (!prior.command().equals(command)) {
          return fail(i, Invariant.IDEMPOTENCY, ref.get() + " came again with other content and was accepted");
        }
        Optional<Failure> dup = checkDuplicate(i, prior, result, before);
        if (dup.isPresent()) {
          return dup;
        }
        tally.duplicates++;
        return redelivery(i, before);
      } else {
        if (result.duplicate()) {
          return fail(i, Invariant.IDEMPOTENCY, "a first delivery was reported as a duplicate");
        }
        Optional<Failure> applied = accepted(i, step, command, result, before);
        if (applied.isPresent()) {
          return applied;
        }
        if (ref.isPresent()) {
          Delivery d = new Delivery(command, result.events());
          receipts.put(ref.get(), d);
          lastDelivery = d;
        }
      }
      return invariants(i);
    }

    private Optional<Failure> batch(int i, Step.Batch batch, Snapshot before) {
      List<Command> commands;
      try {
        commands = batch.commands(this);
      } catch (RejectionException e) {
        tally.rejections.merge(e.code(), 1L, Long::sum);
        return redelivery(i, before);
      }
      List<CommandResult> results;
      try {
        results = ledger.executeAll(commands);
      } catch (RejectionException e) {
        tally.rejections.merge(e.code(), 1L, Long::sum);
        if (!snapshot().equals(before)) {
          return fail(i, Invariant.REJECTED_BUT_CHANGED, "a refused batch (" + e.getMessage()
              + ") left some of its parts in the store");
        }
        return redelivery(i, before);
      }
      List<LedgerEvent> all = store.events(ws);
      List<LedgerEvent> appended = all.subList(before.events(), all.size());
      List<LedgerEvent> returned = results.stream().flatMap(r -> r.events().stream()).toList();
      if (!appended.equals(returned)) {
        return fail(i, Invariant.EVENTS_APPENDED, "the batch returned " + returned.size()
            + " events but the store appended " + appended.size() + " (or different ones)");
      }
      eventCount = all.size();
      for (int k = 0; k < commands.size(); k++) {
        register(batch.parts().get(k), results.get(k));
        Optional<String> modelProblem = model.apply(commands.get(k), results.get(k));
        if (modelProblem.isPresent()) {
          return fail(i, Invariant.MODEL, "batch part " + (k + 1) + ": " + modelProblem.get());
        }
      }
      Optional<String> statusProblem = statuses.follow(returned);
      if (statusProblem.isPresent()) {
        return fail(i, Invariant.STATUS_TRANSITION, statusProblem.get());
      }
      return invariants(i);
    }

    /** Remembers the id the ledger gave to what a step created, under the step's symbolic name. */
    private void register(Step step, CommandResult result) {
      proposals.addAll(result.proposals());
      result.messageId().ifPresent(messages::add);
      for (LedgerEvent e : result.events()) {
        if (e.payload() instanceof org.resellledger.core.count.CountFact.CountOpened opened) {
          countSessions.add(opened.session());
        }
      }
      step.name().ifPresent(name -> step.created(result).ifPresent(id -> ids.put(name, id)));
    }

    private Optional<Failure> accepted(int i, Step step, Command command, CommandResult result, Snapshot before) {
      List<LedgerEvent> all = store.events(ws);
      List<LedgerEvent> appended = all.subList(before.events(), all.size());
      if (!appended.equals(result.events())) {
        return fail(i, Invariant.EVENTS_APPENDED, "the command returned " + result.events().size()
            + " events but the store appended " + appended.size() + " (or different ones)");
      }
      eventCount = all.size();
      register(step, result);
      Optional<String> modelProblem = model.apply(command, result);
      if (modelProblem.isPresent()) {
        return fail(i, Invariant.MODEL, modelProblem.get());
      }
      Optional<String> statusProblem = statuses.follow(result.events());
      if (statusProblem.isPresent()) {
        return fail(i, Invariant.STATUS_TRANSITION, statusProblem.get());
      }
      for (LedgerEvent e : result.events()) {
        // archiving hides an item from work; units waiting for inspection would be stranded there
        if (e.payload() instanceof org.resellledger.core.item.ItemFact.ItemArchived) {
          long waiting = store.item(ws, e.item().orElseThrow()).map(it -> it.balances().get(Bucket.INSPECTION))
              .orElse(0L);
          if (waiting > 0) {
            return fail(i, Invariant.STATUS_TRANSITION, "item " + e.item().get() + " was archived while " + waiting
                + " units wait for inspection");
          }
        }
      }
      return Optional.empty();
    }

    private Optional<Failure> checkDuplicate(int i, Delivery prior, CommandResult result, Snapshot before) {
      if (!result.duplicate()) {
        return fail(i, Invariant.IDEMPOTENCY, "a re-delivery was not reported as a duplicate");
      }
      if (!result.events().equals(prior.events())) {
        return fail(i, Invariant.IDEMPOTENCY, "a re-delivery returned other events than the first delivery");
      }
      if (!snapshot().equals(before)) {
        return fail(i, Invariant.IDEMPOTENCY, "a re-delivery changed the store");
      }
      return Optional.empty();
    }

    private Optional<Failure> invariants(int i) {
      List<Item> items = store.items(ws);
      List<Order> storeOrders = store.orders(ws);
      for (Item item : items) {
        long sum = 0;
        for (Bucket b : Bucket.values()) {
          long n = item.balances().get(b);
          sum += n;
          if (Model.ON_HAND.contains(b) && n < 0) {
            return fail(i, Invariant.NEGATIVE_ON_HAND, "item " + item.sku() + " has " + n + " " + b);
          }
        }
        if (sum != 0) {
          return fail(i, Invariant.CONSERVATION, "item " + item.sku() + " buckets sum to " + sum + ": "
              + item.balances());
        }
      }
      if (!ledger.replayMatchesProjections()) {
        return fail(i, Invariant.REPLAY, replayDifference(items, storeOrders));
      }
      Optional<String> statusProblem = statuses.compare(items, storeOrders);
      if (statusProblem.isPresent()) {
        return fail(i, Invariant.STATUS_TRANSITION, statusProblem.get());
      }
      Optional<String> modelProblem = model.compare(items, storeOrders);
      if (modelProblem.isPresent()) {
        return fail(i, Invariant.MODEL, modelProblem.get());
      }
      Optional<String> countProblem = CountCheck.check(store, ws, countSessions());
      if (countProblem.isPresent()) {
        return fail(i, Invariant.COUNTS, countProblem.get());
      }
      Optional<String> offered = OfferCheck.overOffered(items, proposals());
      if (offered.isPresent()) {
        return fail(i, Invariant.OFFERED_ABOVE_AVAILABLE, offered.get());
      }
      for (Check check : checks) {
        Optional<String> problem = check.test().apply(ledger);
        if (problem.isPresent()) {
          return fail(i, Invariant.CUSTOM, check.name() + ": " + problem.get());
        }
      }
      Snapshot after = new Snapshot(eventCount, items, storeOrders);
      current = after;
      return redelivery(i, after);
    }

    /** Re-sends the last accepted provider event: it must come back as a duplicate and change nothing. */
    private Optional<Failure> redelivery(int i, Snapshot now) {
      if (lastDelivery == null) {
        return Optional.empty();
      }
      CommandResult again;
      try {
        again = ledger.execute(lastDelivery.command());
      } catch (RejectionException e) {
        return fail(i, Invariant.IDEMPOTENCY, "re-sending the last provider event was refused: " + e.getMessage());
      }
      return checkDuplicate(i, lastDelivery, again, now);
    }

    private String replayDifference(List<Item> items, List<Order> storeOrders) {
      Ledger.Projection replayed = ledger.replay();
      for (Item item : items) {
        Optional<Item> r = replayed.items().stream().filter(x -> x.id().equals(item.id())).findFirst();
        if (r.isEmpty()) {
          return "the store has item " + item.sku() + " that replaying the events does not produce";
        }
        if (!r.get().equals(item)) {
          return "item " + item.sku() + " differs from its replay: stored " + brief(item) + ", replayed "
              + brief(r.get());
        }
      }
      if (replayed.items().size() != items.size()) {
        return "replaying gives " + replayed.items().size() + " items, the store has " + items.size();
      }
      return "orders differ from their replay: stored " + storeOrders + ", replayed " + replayed.orders();
    }

    private static String brief(Item item) {
      return "{status " + item.status() + ", balances " + item.balances() + ", version " + item.version()
          + ", listings " + item.listings().size() + ", conflicts " + item.conflicts() + ", lot " + item.lotUnits()
          + ", cost " + item.details().costBasis() + "}";
    }

    private static Optional<Failure> fail(int i, Invariant invariant, String message) {
      return Optional.of(new Failure(i, invariant, message, null));
    }

    // ---- Names -------------------------------------------------------------------------------------------

    @Override
    public ListingId listing(String name) {
      return ids.get(name) instanceof ListingId id ? id : ListingId.of("unknown-" + name);
    }

    @Override
    public OrderId order(String name) {
      return ids.get(name) instanceof OrderId id ? id : OrderId.of("unknown-" + name);
    }

    @Override
    public Optional<ItemDetails> details(Sku sku) {
      return ledger.item(sku).map(Item::details);
    }

    @Override
    public List<org.resellledger.core.count.CountSession> countSessions() {
      List<org.resellledger.core.count.CountSession> now = new ArrayList<>();
      for (var id : countSessions) {
        store.state(ws, org.resellledger.core.count.CountStreams.of(id))
            .ifPresent(st -> now.add((org.resellledger.core.count.CountSession) st.state()));
      }
      return now;
    }

    @Override
    public List<org.resellledger.core.proposal.Proposal> proposals() {
      List<org.resellledger.core.proposal.Proposal> now = new ArrayList<>();
      for (var id : proposals) {
        store.state(ws, org.resellledger.core.proposal.ProposalStreams.of(id))
            .ifPresent(st -> now.add((org.resellledger.core.proposal.Proposal) st.state()));
      }
      return now;
    }

    @Override
    public List<org.resellledger.core.message.BuyerMessage> messages() {
      List<org.resellledger.core.message.BuyerMessage> now = new ArrayList<>();
      for (var id : messages) {
        store.state(ws, org.resellledger.core.message.MessageStreams.of(id))
            .ifPresent(st -> now.add((org.resellledger.core.message.BuyerMessage) st.state()));
      }
      return now;
    }

    @Override
    public Optional<ListingDetails> listingDetails(String name) {
      return ids.get(name) instanceof ListingId id ? ledger.listing(id).map(Listing::details) : Optional.empty();
    }
  }
}
