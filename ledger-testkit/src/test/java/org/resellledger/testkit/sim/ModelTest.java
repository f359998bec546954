package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.Projector;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.Commit;

/**
 * A store that rewrites what it is given is caught at once; and the independent model agrees with the
 * ledger on real commands while naming any unit that sits in the wrong bucket.
 */
class ModelTest {

  /** Rewrites every "damaged" movement to end in LOST, and projects from the rewritten events. */
  static final class BooksDamageAsLoss extends ForwardingStore {
    @Override
    public void commit(Commit c) {
      List<LedgerEvent> events = new ArrayList<>();
      for (LedgerEvent e : c.events()) {
        if (e.payload() instanceof ItemFact.UnitsDamaged && e.movement().isPresent()) {
          Movement m = e.movement().get();
          e = new LedgerEvent(e.workspace(), e.id(), e.stream(), e.version(), e.item(), e.listing(), e.order(),
              java.util.Optional.of(Movement.of(m.quantity(), m.from(), Bucket.LOST)), e.source(), e.actor(),
              e.occurredAt(), e.recordedAt(), e.provider(), e.reason(), e.causation(), e.payload());
        }
        events.add(e);
      }
      List<Item> items = new ArrayList<>();
      for (Item item : c.items()) {
        List<LedgerEvent> stream = new ArrayList<>(delegate.stream(c.workspace(), StreamId.of(item.id())));
        events.stream().filter(e -> e.stream().equals(StreamId.of(item.id()))).forEach(stream::add);
        items.add(Projector.replayItem(stream));
      }
      super.commit(new Commit(c.workspace(), c.expectedVersions(), events, items, c.orders(), c.streams(), c.receipt()));
    }
  }

  @Test
  void aStoreThatRewritesMovements_isCaught_inAFewSteps() {
    SimulationFailure failure = catchThrowableOfType(SimulationFailure.class,
        () -> LedgerSimulator.against(BooksDamageAsLoss::new).ignoringSystemProperties()
            .sequences(2_000).steps(30).seed(2026).run());

    assertThat(failure).isNotNull();
    assertThat(failure.invariant()).isEqualTo(Invariant.EVENTS_APPENDED);
    assertThat(failure.shrunkSteps()).hasSizeLessThanOrEqualTo(3).anyMatch(s -> s.contains("damaged from"));
  }

  @Test
  void theModel_agreesWithTheLedger_andNamesAUnitInTheWrongBucket() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    WorkspaceId ws = WorkspaceId.of("model");
    Ledger ledger = Ledger.open(store, ws, Samples.config("id"));
    Model model = new Model();
    Sku sku = Sku.of("JKT-1");
    List<Command> commands = List.of(
        Samples.intake("JKT-1", 3),
        new RecordChannelSale(Channel.EBAY, "E-1", List.of(SaleLine.of(sku, 2, Samples.usd("9.00"))),
            Samples.usd("1.00"), Samples.usd("0.00"), OrderStatus.PAID, Samples.webhook("ebay", "n-1")),
        new RecordChannelSale(Channel.ETSY, "T-1", List.of(SaleLine.of(sku, 2, Samples.usd("9.00"))),
            Samples.usd("1.00"), Samples.usd("0.00"), OrderStatus.PAID, Samples.webhook("etsy", "evt_1")),
        new MarkDamaged(sku, 1, Bucket.COMMITTED, Samples.manual("ana")));
    for (Command c : commands) {
      try {
        CommandResult r = ledger.execute(c);
        assertThat(model.apply(c, r)).isEmpty();
      } catch (org.resellledger.core.RejectionException refused) {
        // MarkDamaged from COMMITTED is not an allowed source: refused, and the model is not told
      }
    }
    assertThat(model.compare(store.items(ws), store.orders(ws))).isEmpty();
    assertThat(model.units(sku, Bucket.COMMITTED)).isEqualTo(3);
    assertThat(store.items(ws).get(0).conflicts()).hasSize(1);

    Item item = store.items(ws).get(0);
    Balances wrong = item.balances().apply(Movement.of(1, Bucket.COMMITTED, Bucket.DAMAGED));
    Item corrupted = new Item(item.id(), item.details(), item.status(), wrong, item.listings(), item.conflicts(),
        item.lotUnits(), item.version());

    assertThat(model.compare(List.of(corrupted), store.orders(ws))).hasValueSatisfying(problem ->
        assertThat(problem).contains("JKT-1").contains("COMMITTED"));
  }
}
