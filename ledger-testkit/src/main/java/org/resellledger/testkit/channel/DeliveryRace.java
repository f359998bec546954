package org.resellledger.testkit.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * Many deliveries of many webhooks at once, through the whole path: {@code events} distinct {@link SimChannel}
 * sales, each delivered {@code copies} times, shuffled over {@code threads} threads that take turns among
 * the given store instances (several instances over one database are several app nodes); each thread
 * receives a delivery and processes its entry at once. What a store must give: exactly one effect (one
 * order) per webhook, every delivery counted, no entry failed (a lost race is retried, never a refusal).
 */
public final class DeliveryRace {
  private DeliveryRace() {}

  /** What the race ended in. */
  public record Result(int orders, int applied, int notApplied, long deliveries, List<String> errors) {}

  /**
   * Runs the race in workspace {@code ws} (fresh) over {@code stores}, which must all reach the same data.
   * Sales spread over 20 items with stock enough for all.
   */
  @SafeVarargs
  public static <S extends LedgerStore & InboxStore & ChannelLinkStore> Result run(WorkspaceId ws, int events,
      int copies, int threads, long seed, S... stores) throws InterruptedException {
    int items = 20;
    Ledger setup = Ledger.open(stores[0], ws);
    for (int i = 0; i < items; i++) {
      setup.execute(new IntakeItem(Samples.details("RACE-" + i), events, ItemStatus.READY_TO_LIST, Samples.manual("ana")));
      setup.execute(new CreateListing(Sku.of("RACE-" + i), Samples.listing(SimChannel.CHANNEL, "R" + i,
          Samples.usd("25.00")), SyncStatus.DRAFT, Samples.manual("ana")));
    }
    List<ProviderEvent> deliveries = new ArrayList<>();
    Instant at = Samples.NOW;
    for (int n = 0; n < events; n++) {
      ProviderEvent e = ProviderEvent.builder().provider(SimChannel.CHANNEL).account("race-shop").topic("sale")
          .providerEventId("race-" + n).receivedAt(at.plusMillis(n)).occurredAt(at.plusMillis(n))
          .body(SimChannel.body("sale", "order", "RO" + n, "listing", "R" + (n % items), "qty", "1", "price", "20.00"))
          .signature(SignatureVerdict.VERIFIED).build();
      for (int k = 0; k < copies; k++) {
        deliveries.add(e);
      }
    }
    Collections.shuffle(deliveries, new Random(seed));
    ConcurrentLinkedQueue<ProviderEvent> queue = new ConcurrentLinkedQueue<>(deliveries);
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      S store = stores[t % stores.length];
      running.add(pool.submit(() -> {
        Ledger ledger = Ledger.open(store, ws);
        InboxProcessor processor = InboxProcessor.of(ledger, store, store, List.of(new SimChannel()));
        for (ProviderEvent e; (e = queue.poll()) != null; ) {
          try {
            Delivered d = store.receive(ws, InboxEntryId.of(UUID.randomUUID().toString()), e);
            InboxEntry after = processor.process(d.entry().id());
            if (after.state() != InboxState.APPLIED) {
              errors.add(e.providerEventId() + " ended " + after.state() + ": " + after.outcome().detail().orElse(""));
            }
          } catch (RuntimeException x) {
            errors.add(e.providerEventId() + ": " + x);
          }
        }
      }));
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      errors.add("the race did not end in 10 minutes");
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException x) {
        errors.add(String.valueOf(x.getCause()));
      }
    }
    int applied = 0;
    int notApplied = 0;
    long counted = 0;
    for (InboxState state : InboxState.values()) {
      for (int offset = 0; ; offset += InboxStore.MAX_PAGE) {
        List<InboxEntry> page = stores[0].inboxEntries(ws, state, offset, InboxStore.MAX_PAGE);
        for (InboxEntry e : page) {
          counted += e.deliveries();
          if (state == InboxState.APPLIED) {
            applied++;
          } else {
            notApplied++;
          }
        }
        if (page.size() < InboxStore.MAX_PAGE) {
          break;
        }
      }
    }
    return new Result(setup.orders().size(), applied, notApplied, counted, List.copyOf(errors));
  }
}
