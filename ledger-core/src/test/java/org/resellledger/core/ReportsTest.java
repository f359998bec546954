package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.NOW;
import static org.resellledger.core.Fixture.usd;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.EstimateMarketValue;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderCommand.IssueRefund;
import org.resellledger.core.order.OrderCommand.RecordPayout;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import org.resellledger.core.report.WeeklyReview;

/** The review's figures for a history small enough to add up by hand. */
class ReportsTest {
  static final Currency USD = Currency.getInstance("USD");
  final Fixture f = new Fixture();

  Reports reports() {
    return Reports.open(f.store, f.ledger.workspace(), Optional.empty());
  }

  @Test
  void weekly_marginCashAndStock_addUpByHand() {
    f.intake("A", 2); // cost 10.00 for 2 units: 5.00 a unit
    f.intake("B", 1); // cost 10.00 for 1 unit
    OrderId a = f.sell("A", 1); // 20.00, fees 2.00
    f.run(new ShipOrder(a, "USPS", "9400", usd("4.50"), ANA));
    f.run(new RecordPayout(a, "PO-1", usd("18.00"), usd("2.00"), ANA));
    OrderId b = f.sell("B", 1);
    f.run(new ShipOrder(b, "USPS", "9401", usd("0.00"), ANA));
    f.run(new IssueRefund(b, usd("5.00"), ANA));

    WeeklyReview r = reports().weekly(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1), USD, Duration.ofDays(30));

    // (20 - 2 - 4.50 - 5) + (20 - 2 - 0 - 10)
    assertThat(r.margin().value()).isEqualByComparingTo("16.50");
    assertThat(r.sales().value()).isEqualByComparingTo("40.00");
    assertThat(r.fees().value()).isEqualByComparingTo("4.00");
    assertThat(r.cashCollected().value()).isEqualByComparingTo("18.00");
    assertThat(r.cashByChannel().get("ebay").value()).isEqualByComparingTo("18.00");
    assertThat(r.feesWithheld().value()).isEqualByComparingTo("2.00");
    assertThat(r.refunds().value()).isEqualByComparingTo("5.00");
    assertThat(r.shippingSpend().value()).isEqualByComparingTo("4.50");
    // A: 1 unit left at 5.00; B: none (shipped)
    assertThat(r.stock().ledgerUnits().value()).isEqualByComparingTo("1");
    assertThat(r.stock().ledgerCost().value()).isEqualByComparingTo("5.00");
    assertThat(r.stock().agrees()).isTrue();
    assertThat(r.missingListings().value()).isEqualByComparingTo("1");
    for (Figure fig : java.util.List.of(r.margin(), r.sales(), r.cashCollected(), r.stock().ledgerCost())) {
      assertThat(fig.partsSum()).as(fig.name()).isEqualByComparingTo(fig.value());
    }
    assertThat(r.byCategory()).singleElement().satisfies(g -> {
      assertThat(g.unitsSold().value()).isEqualByComparingTo("2");
      assertThat(g.unitsOnHand()).isEqualTo(1);
      assertThat(g.sellThrough()).isEqualByComparingTo(new BigDecimal("0.6667"));
    });
  }

  @Test
  void daily_soldByChannel_toShip_andValueChanges() {
    f.intake("A", 3);
    f.sell("A", 1, Channel.EBAY);
    f.sell("A", 1, Channel.ETSY);
    f.run(new EstimateMarketValue(Sku.of("A"), usd("30.00"), Optional.empty(), ANA));

    var d = reports().daily(LocalDate.ofInstant(NOW, ZoneOffset.UTC), ZoneOffset.UTC, USD);

    assertThat(d.soldByChannel()).containsOnlyKeys("ebay", "etsy");
    assertThat(d.soldByChannel().get("ebay").value()).isEqualByComparingTo("20.00");
    assertThat(d.ordersByChannel().get("etsy").value()).isEqualByComparingTo("1");
    assertThat(d.toShip()).hasSize(2);
    assertThat(d.valueChanges()).singleElement().satisfies(v -> assertThat(v.after()).isEqualTo(usd("30.00")));
    assertThat(reports().daily(LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(1), ZoneOffset.UTC, USD)
        .soldByChannel()).isEmpty();
  }

  @Test
  void theReviewReadsPaidOrders_andTheDashboardTheEstimatedItems_aBatchAtATime_neverOneByOne() {
    java.util.Map<String, Integer> reads = new java.util.TreeMap<>();
    Fixture g = new Fixture(new ForwardingStore(new org.resellledger.core.store.InMemoryLedgerStore()) {
      @Override public Optional<org.resellledger.core.order.Order> order(WorkspaceId w, OrderId id) {
        reads.merge("order", 1, Integer::sum);
        return super.order(w, id);
      }

      @Override public java.util.Map<OrderId, org.resellledger.core.order.Order> ordersById(WorkspaceId w,
          java.util.Collection<OrderId> ids) {
        reads.merge("ordersById", 1, Integer::sum);
        return super.ordersById(w, ids);
      }

      @Override public Optional<org.resellledger.core.item.Item> item(WorkspaceId w,
          org.resellledger.core.item.ItemId id) {
        reads.merge("item", 1, Integer::sum);
        return super.item(w, id);
      }

      @Override public java.util.Map<org.resellledger.core.item.ItemId, org.resellledger.core.item.Item> itemsById(
          WorkspaceId w, java.util.Collection<org.resellledger.core.item.ItemId> ids) {
        reads.merge("itemsById", 1, Integer::sum);
        return super.itemsById(w, ids);
      }

      @Override public java.util.List<org.resellledger.core.store.KeyedStream> streamsWithKeyPrefix(WorkspaceId w,
          org.resellledger.core.ledger.StreamId.Kind kind, String keyName, String prefix, int limit) {
        return delegate.streamsWithKeyPrefix(w, kind, keyName, prefix, limit);
      }

      @Override public java.util.List<org.resellledger.core.store.KeyedStream> streamsWithKeyAfter(WorkspaceId w,
          org.resellledger.core.ledger.StreamId.Kind kind, String keyName, String prefix, Optional<String> after,
          int limit) {
        return delegate.streamsWithKeyAfter(w, kind, keyName, prefix, after, limit);
      }
    }, WorkspaceId.of("batched"));
    g.intake("A", 3);
    g.intake("B", 1);
    int n = 0;
    for (Channel channel : java.util.List.of(Channel.EBAY, Channel.ETSY, Channel.EBAY)) {
      OrderId o = g.sell("A", 1, channel);
      g.run(new ShipOrder(o, "USPS", "9400" + n, usd("0.00"), ANA));
      g.run(new RecordPayout(o, "PO-" + n++, usd("18.00"), usd("2.00"), ANA));
    }
    g.run(new EstimateMarketValue(Sku.of("A"), usd("30.00"), Optional.empty(), ANA));
    g.run(new EstimateMarketValue(Sku.of("B"), usd("12.00"), Optional.empty(), ANA));
    Reports reports = Reports.open(g.store, g.ledger.workspace(), Optional.empty());
    reads.clear();

    WeeklyReview r = reports.weekly(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1), USD, Duration.ofDays(30));
    var d = reports.daily(LocalDate.ofInstant(NOW, ZoneOffset.UTC), ZoneOffset.UTC, USD);

    assertThat(r.cashByChannel().get("ebay").value()).isEqualByComparingTo("36.00");
    assertThat(r.cashByChannel().get("etsy").value()).isEqualByComparingTo("18.00");
    assertThat(d.valueChanges()).extracting(v -> v.sku() + " " + v.after().amount())
        .containsExactly("A 30.00", "B 12.00");
    assertThat(reads).isEqualTo(java.util.Map.of("ordersById", 1, "itemsById", 1));
  }
}
