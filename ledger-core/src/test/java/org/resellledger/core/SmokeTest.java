package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command.*;
import org.resellledger.core.item.*;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.*;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;

class SmokeTest {
  @Test
  void intakeListSellShip() {
    Ledger ledger = Ledger.open(new InMemoryLedgerStore(), WorkspaceId.of("ws"),
        LedgerConfig.defaults().withIds(IdGenerator.sequential("id")));
    ItemDetails d = ItemDetails.builder()
        .sku(Sku.of("JKT-001")).title("Levi's trucker jacket").category(Category.parse("Clothing > Men > Jackets"))
        .condition(Condition.VERY_GOOD).costBasis(Money.of("12.00", "USD")).acquiredOn(LocalDate.of(2026, 11, 1))
        .location(StorageLocation.parse("GARAGE/S1/B2")).photoStatus(PhotoStatus.COMPLETE).build();
    ledger.execute(new IntakeItem(d, 2, ItemStatus.READY_TO_LIST, Origin.manual("ana")));
    var l1 = ledger.execute(new CreateListing(Sku.of("jkt-001"), ListingDetails.builder().channel(Channel.EBAY)
        .title("Levi's jacket").price(Money.of("60", "USD")).listedQuantity(2).build(), SyncStatus.LIVE,
        Origin.manual("ana"))).listingId().orElseThrow();
    var sale = ledger.execute(new RecordChannelSale(Channel.EBAY, "E-1",
        List.of(SaleLine.of(l1, Sku.of("JKT-001"), 3, Money.of("55", "USD"))), Money.of("7", "USD"),
        Money.of("0", "USD"), OrderStatus.PAID, Origin.webhook("ebay", "evt-1", Instant.parse("2026-11-20T10:00:00Z"))));
    var again = ledger.execute(new RecordChannelSale(Channel.EBAY, "E-1",
        List.of(SaleLine.of(l1, Sku.of("JKT-001"), 3, Money.of("55", "USD"))), Money.of("7", "USD"),
        Money.of("0", "USD"), OrderStatus.PAID, Origin.webhook("ebay", "evt-1", Instant.parse("2026-11-20T10:00:00Z"))));
    assertThat(again.duplicate()).isTrue();
    Item item = ledger.requireItem(Sku.of("JKT-001"));
    assertThat(item.balances().get(Bucket.COMMITTED)).isEqualTo(2);
    assertThat(item.conflicts()).hasSize(1);
    assertThat(item.status()).isEqualTo(ItemStatus.SOLD);
    ledger.execute(new ShipOrder(sale.orderId().get(), "USPS", "9400", Money.of("5", "USD"), Origin.manual("ana")));
    assertThat(ledger.requireItem(Sku.of("JKT-001")).balances().get(Bucket.BUYER)).isEqualTo(2);
    assertThat(ledger.replayMatchesProjections()).isTrue();
    ledger.history(Sku.of("JKT-001")).forEach(h -> System.out.println(h.event().kind() + " " + h.balancesAfter()));
  }
}
