package org.resellledger.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.LedgerSimulator;

/**
 * A varied history to back up, on the store under test: one seeded simulator sequence (items, listings,
 * orders, bundles, proposals, provider events and their redeliveries), then a channel sale delivered by
 * webhook (a receipt with events) and a unit mark (a receipt without events). What the restore contracts
 * (the store's and a backup file's) start from.
 *
 * @param workspace the workspace holding it
 * @param redelivery the webhook sale, to deliver again after a restore
 * @param firstOutcome what its first delivery returned
 */
public record BackupHistory(WorkspaceId workspace, RecordChannelSale redelivery, CommandResult firstOutcome) {

  /** The unit marked without events. */
  public static final ProviderRef MARK = ProviderRef.of("csv-import", "backup-mark-1");

  /** Writes the history into a new workspace of {@code store}: {@code steps} simulator steps from {@code seed}. */
  public static BackupHistory record(LedgerStore store, long seed, int steps) {
    AtomicReference<WorkspaceId> ws = new AtomicReference<>();
    // forwarded: the simulator closes the store it ran on, and the history is read after
    LedgerSimulator.against(() -> new ForwardingLedgerStore(store))
        .ignoringSystemProperties()
        .seed(seed)
        .sequences(1)
        .steps(steps)
        .log(line -> { })
        .check("workspace", ledger -> {
          ws.set(ledger.workspace());
          return Optional.empty();
        })
        .run();
    Ledger ledger = Ledger.open(store, ws.get(), Samples.config("bk-"));
    ledger.execute(Samples.intake("BACKUP-1", 3));
    RecordChannelSale sale = new RecordChannelSale(Channel.EBAY, "BACKUP-ORDER-1",
        List.of(SaleLine.of(Sku.of("BACKUP-1"), 1, Samples.usd("20.00"))), Samples.usd("2.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Samples.webhook("ebay", "backup-ntf-1"));
    CommandResult first = ledger.execute(sale);
    ledger.executeAllOnce(MARK, List.of());
    return new BackupHistory(ws.get(), sale, first);
  }

  /** Every receipt of {@code workspace}, in the order the store lists them. */
  public static List<Receipt> receipts(LedgerStore store, WorkspaceId workspace) {
    List<Receipt> all = new ArrayList<>();
    store.forEachReceipt(workspace, all::add);
    return all;
  }

  /** The event as it is in {@code workspace}: the same in every other part. */
  public static LedgerEvent in(WorkspaceId workspace, LedgerEvent e) {
    return new LedgerEvent(workspace, e.id(), e.stream(), e.version(), e.item(), e.listing(), e.order(),
        e.movement(), e.source(), e.actor(), e.occurredAt(), e.recordedAt(), e.provider(), e.reason(),
        e.causation(), e.payload());
  }

  /** The streams of kinds other than items and orders that the events of {@code workspace} name. */
  public static List<StreamId> otherStreams(LedgerStore store, WorkspaceId workspace) {
    return store.events(workspace).stream().map(LedgerEvent::stream)
        .filter(s -> s.kind() != StreamId.Kind.ITEM && s.kind() != StreamId.Kind.ORDER).distinct().toList();
  }
}
