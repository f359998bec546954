package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.InMemoryLedgerStore;

/** The drift report names the item, the bucket and both figures of a planted drift, and nothing when clean. */
class DriftReportTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Fixture f = new Fixture(store, WorkspaceId.of("drift"));

  @Test
  void aCleanWorkspace_hasNoDrift() {
    f.intake("D-1", 3);
    f.sell("D-1", 1);

    DriftReport report = f.ledger.drift(100);

    assertThat(report.clean()).isTrue();
    assertThat(report.streams()).isEqualTo(2);
    assertThat(report.events()).isEqualTo(f.ledger.events().size());
  }

  @Test
  void aPlantedBalance_isNamedWithItemBucketAndBothFigures_andAMissingProjectionToo() {
    f.intake("D-1", 3);
    f.intake("D-2", 1);
    f.intake("D-3", 1);
    f.sell("D-1", 1);
    List<Item> planted = new ArrayList<>();
    for (Item i : f.ledger.items()) {
      if (i.sku().value().equals("D-1")) {
        EnumMap<Bucket, Long> b = new EnumMap<>(i.balances().asMap());
        b.put(Bucket.AVAILABLE, 5L);
        b.put(Bucket.SUPPLIER, -6L);
        planted.add(new Item(i.id(), i.details(), i.status(), Balances.of(b), i.listings(), i.conflicts(), i.lotUnits(),
            i.version()));
      } else if (!i.sku().value().equals("D-3")) {
        planted.add(i);
      }
    }
    store.replaceProjections(f.ledger.workspace(), planted, f.ledger.orders());

    DriftReport report = f.ledger.drift(100);

    assertThat(report.differences()).extracting(d -> d.name() + " " + d.field() + " " + d.stored() + " -> " + d.replayed())
        .containsExactlyInAnyOrder("D-1 balance AVAILABLE 5 -> 2", "D-1 balance SUPPLIER -6 -> -3",
            "D-3 projection none -> replayed from events");
    assertThat(report.differences()).allSatisfy(d -> assertThat(d.stream().kind()).isEqualTo(StreamId.Kind.ITEM));
    assertThat(f.ledger.drift(1).truncated()).isTrue();
  }

  @Test
  void ordersAreReadInBatchesOfFiveHundred_notOneByOne_andAnOrderWithoutItsProjectionIsStillNamed() {
    InMemoryLedgerStore inner = new InMemoryLedgerStore();
    int[] reads = new int[2];
    ForwardingStore counting = new ForwardingStore(inner) {
      @Override public java.util.Optional<org.resellledger.core.order.Order> order(WorkspaceId w,
          org.resellledger.core.order.OrderId id) {
        reads[0]++;
        return super.order(w, id);
      }

      @Override public java.util.Map<org.resellledger.core.order.OrderId, org.resellledger.core.order.Order> ordersById(
          WorkspaceId w, java.util.Collection<org.resellledger.core.order.OrderId> ids) {
        reads[1]++;
        return super.ordersById(w, ids);
      }
    };
    Fixture g = new Fixture(counting, WorkspaceId.of("drift-orders"));
    g.intake("D-1", 600);
    List<org.resellledger.core.order.OrderId> sold = new ArrayList<>();
    for (int i = 0; i < 520; i++) {
      sold.add(g.sell("D-1", 1));
    }
    org.resellledger.core.order.OrderId dropped = sold.get(517);
    inner.replaceProjections(g.ledger.workspace(), g.ledger.items(),
        g.ledger.orders().stream().filter(o -> !o.id().equals(dropped)).toList());
    reads[0] = 0;
    reads[1] = 0;

    DriftReport report = g.ledger.drift(100);

    assertThat(report.streams()).isEqualTo(521);
    assertThat(report.differences()).singleElement().satisfies(d -> {
      assertThat(d.stream()).isEqualTo(StreamId.of(dropped));
      assertThat(d.stored() + " -> " + d.replayed()).isEqualTo("none -> replayed from events");
    });
    assertThat(reads[0]).as("order() calls").isZero();
    assertThat(reads[1]).as("ordersById() calls").isEqualTo(2);
  }
}
