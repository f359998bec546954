package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.store.InMemoryLedgerStore;

class FiguresTest {
  private final Ledger ledger = Ledger.open(new InMemoryLedgerStore(), WorkspaceId.of("w"),
      LedgerConfig.defaults().withClock(Clock.fixed(Instant.parse("2026-12-09T12:00:00Z"), ZoneOffset.UTC)));

  @Test
  void stockAndWeeks_whenItemsCostInTwoCurrencies_neverAddThemTogether() {
    intake("MUG-1", "30.00", "EUR", 3);
    intake("LAMP-1", "10.00", "USD", 1);
    // the EUR mug sold for dollars: its margin cannot be computed without mixing currencies
    ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("MUG-1"), 1, Money.of("25.00", "USD"))),
        Origin.manual("maya").at(Instant.parse("2026-12-08T10:00:00Z"))));
    ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("LAMP-1"), 1, Money.of("18.00", "USD"))),
        Origin.manual("maya").at(Instant.parse("2026-12-08T11:00:00Z"))));

    Figures f = Figures.read(ledger);

    // on hand counts committed units (they are still here): 3 mugs at 10.00 EUR, 1 lamp at 10.00 USD
    assertThat(f.stock().costOnHand()).containsEntry(Currency.getInstance("EUR"), Money.of("30.00", "EUR"))
        .containsEntry(Currency.getInstance("USD"), Money.of("10.00", "USD"));
    Figures.Week week = f.weeks().get(Currency.getInstance("USD")).get(0);
    assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(week.sales()).isEqualTo(Money.of("43.00", "USD"));
    assertThat(week.margin()).isEqualTo(Money.of("8.00", "USD"));
    assertThat(week.orders()).isEqualTo(2);
    assertThat(week.withoutMargin()).isEqualTo(1);
  }

  @Test
  void costOnHand_whenALotIsPartlySold_isItsShareOfTheLot() {
    intake("MUG-2", "10.00", "USD", 3);
    ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("MUG-2"), 1, Money.of("8.00", "USD"))),
        Origin.manual("maya")));
    ledger.execute(new org.resellledger.core.order.OrderCommand.RecordPickup(ledger.orders().get(0).id(),
        Origin.manual("maya")));

    // two of three units left: 10.00 x 2 / 3 = 6.666..., rounded once at the end
    assertThat(Figures.read(ledger).stock().costOnHand().get(Currency.getInstance("USD")))
        .isEqualTo(Money.of("6.67", "USD"));
    // the sold unit's cost 3.33... comes off its margin: 8.00 - 3.33 = 4.67
    assertThat(Figures.read(ledger).margin(ledger.orders().get(0))).contains(Money.of("4.67", "USD"));
  }

  private void intake(String sku, String cost, String currency, int quantity) {
    ledger.execute(new IntakeItem(ItemDetails.builder().sku(Sku.of(sku)).title(sku).category(Category.parse("Home"))
        .condition(Condition.GOOD).costBasis(Money.of(cost, currency)).acquiredOn(LocalDate.of(2026, 12, 1))
        .location(StorageLocation.parse("SHED")).photoStatus(PhotoStatus.COMPLETE).build(), quantity,
        ItemStatus.READY_TO_LIST, Origin.manual("maya")));
  }
}
