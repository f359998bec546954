package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resellledger.core.DriftReport;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * The drift report on the store under test: a projection row planted with other balances is named with its
 * SKU, bucket and both figures, and a clean workspace has none. A group of {@link LedgerStoreContract}.
 */
public abstract class DriftContract {
  private final Supplier<LedgerStore> stores;
  private final Supplier<WorkspaceId> workspaces;

  protected DriftContract(Supplier<LedgerStore> store, Supplier<WorkspaceId> ws) {
    this.stores = store;
    this.workspaces = ws;
  }

  @Test
  void aPlantedProjectionRow_isNamedWithItemBucketAndBothFigures() {
    LedgerStore store = stores.get();
    WorkspaceId ws = workspaces.get();
    Ledger ledger = Ledger.open(store, ws, Samples.config("d-"));
    ledger.execute(Samples.intake("DRIFT-1", 3));
    ledger.execute(Samples.intake("DRIFT-2", 1));
    ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("DRIFT-1"), 1, Samples.usd("5.00"))),
        Samples.manual("ana")));
    assertThat(ledger.drift(100).clean()).isTrue();

    List<Item> planted = new ArrayList<>();
    for (Item i : store.items(ws)) {
      if (i.sku().value().equals("DRIFT-1")) {
        EnumMap<Bucket, Long> b = new EnumMap<>(i.balances().asMap());
        b.put(Bucket.AVAILABLE, 7L);
        b.put(Bucket.SUPPLIER, -8L);
        i = new Item(i.id(), i.details(), i.status(), Balances.of(b), i.listings(), i.conflicts(), i.lotUnits(),
            i.version());
      }
      planted.add(i);
    }
    store.replaceProjections(ws, planted, store.orders(ws));

    DriftReport report = ledger.drift(100);

    assertThat(report.differences()).extracting(d -> d.name() + " " + d.field() + " " + d.stored() + " -> "
        + d.replayed()).containsExactlyInAnyOrder("DRIFT-1 balance AVAILABLE 7 -> 2",
            "DRIFT-1 balance SUPPLIER -8 -> -3");
    assertThat(report.events()).isEqualTo(store.events(ws).size());
  }
}
