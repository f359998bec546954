package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.NOW;
import static org.resellledger.core.Fixture.usd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemCommand.EstimateMarketValue;
import org.resellledger.core.item.ItemFact.MarketValueEstimated;
import org.resellledger.core.item.MarketValue;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.AddTracking;
import org.resellledger.core.order.OrderCommand.RecordPayout;
import org.resellledger.core.order.OrderCommand.SetShipBy;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderFact.PayoutReceived;
import org.resellledger.core.order.OrderFact.ShipByDateSet;
import org.resellledger.core.order.OrderFact.TrackingAdded;
import org.resellledger.core.order.OrderId;

/** Ship-by dates, tracking added later, payouts and market value estimates: what the queues read. */
class FulfilmentFactsTest {
  final Fixture f = new Fixture();
  static final Instant SHIP_BY = NOW.plus(Duration.ofDays(2));

  @AfterEach
  void replayAgrees() {
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void shipBy_whenGivenAtSale_isOnTheOrderFromTheStart() {
    f.intake("A", 1);
    var sale = Fixture.channelSale(Channel.EBAY, "E-1", "A", 1, ANA).withShipBy(SHIP_BY);
    OrderId id = f.run(sale).orderId().orElseThrow();

    assertThat(f.ledger.order(id).orElseThrow().shipBy()).contains(SHIP_BY);
    assertThat(f.ledger.orderHistory(id)).extracting(e -> e.payload().getClass().getSimpleName())
        .containsExactly("OrderPlaced", "ShipByDateSet");
  }

  @Test
  void shipBy_whenSetLater_movesAndKeepsThePrevious_andIsRefusedAfterHandover() {
    f.intake("A", 1);
    OrderId id = f.sell("A", 1);
    f.run(new SetShipBy(id, SHIP_BY, ANA));
    f.run(new SetShipBy(id, SHIP_BY.plusSeconds(3600), ANA));

    assertThat(f.ledger.orderHistory(id).get(2).payload())
        .isEqualTo(new ShipByDateSet(Optional.of(SHIP_BY), SHIP_BY.plusSeconds(3600)));
    assertThat(f.run(new SetShipBy(id, SHIP_BY.plusSeconds(3600), ANA)).events()).isEmpty();
    f.run(new ShipOrder(id, "USPS", "9400", usd("4.00"), ANA));
    f.refused(new SetShipBy(id, SHIP_BY, ANA), RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION);
  }

  @Test
  void saleWithoutShipBy_printsAsBefore_soItsFingerprintIsUnchanged() {
    var sale = Fixture.channelSale(Channel.EBAY, "E-1", "A", 1, ANA);

    assertThat(sale.toString()).doesNotContain("shipBy").endsWith("origin=" + ANA + "]");
    assertThat(sale.withShipBy(SHIP_BY).toString()).contains("shipBy=Optional[" + SHIP_BY + "]");
  }

  @Test
  void ship_withoutTracking_leavesTrackingEmpty_untilAddTracking() {
    f.intake("A", 1);
    OrderId id = f.sell("A", 1);
    f.run(new ShipOrder(id, "USPS", " ", usd("4.00"), ANA));
    assertThat(f.ledger.order(id).orElseThrow().tracking()).isEmpty();

    f.run(new AddTracking(id, "UPS", "1Z999", ANA));

    Order order = f.ledger.order(id).orElseThrow();
    assertThat(order.tracking()).contains("1Z999");
    assertThat(order.carrier()).contains("UPS");
    assertThat(f.ledger.orderHistory(id).get(2).payload())
        .isEqualTo(new TrackingAdded(Optional.empty(), "UPS", "1Z999"));
  }

  @Test
  void addTracking_beforeShipping_isRefused() {
    f.intake("A", 1);
    OrderId id = f.sell("A", 1);

    f.refused(new AddTracking(id, "UPS", "1Z999", ANA), RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION);
    f.refused(new AddTracking(id, "UPS", " ", ANA), RejectionCode.INVALID_VALUE);
  }

  @Test
  void payout_recordsCashAndFeesWithheld_inTheOrdersCurrency() {
    f.intake("A", 1);
    OrderId id = f.sell("A", 1);
    f.run(new RecordPayout(id, "PO-1", usd("17.40"), usd("2.60"), ANA));

    assertThat(f.ledger.orderHistory(id).get(1).payload())
        .isEqualTo(new PayoutReceived("PO-1", usd("17.40"), usd("2.60")));
    f.refused(new RecordPayout(id, "PO-2", Money.of("1.00", "EUR"), Money.of("0.00", "EUR"), ANA),
        RejectionCode.CURRENCY_MISMATCH);
    f.refused(new RecordPayout(id, "PO-2", usd("-1.00"), usd("0.00"), ANA), RejectionCode.INVALID_VALUE);
    f.refused(new RecordPayout(id, "PO-2", usd("0.00"), usd("0.00"), ANA), RejectionCode.INVALID_VALUE);
    f.refused(new RecordPayout(OrderId.of("nope"), "PO-2", usd("1.00"), usd("0.00"), ANA),
        RejectionCode.UNKNOWN_ORDER);
  }

  @Test
  void marketValue_estimates_setTheItemsValue_andKeepAHistory() {
    f.intake("A", 1);
    f.run(new EstimateMarketValue(Sku.of("A"), usd("40.00"), Optional.of("sold comps"), ANA));
    f.run(new EstimateMarketValue(Sku.of("A"), usd("40.00"), Optional.empty(), ANA));
    f.run(new ChangeItemDetails(Sku.of("A"), f.item("A").details().withEstimatedValue(usd("35.00")), ANA));
    f.run(new EstimateMarketValue(Sku.of("A"), usd("55.00"), Optional.empty(), ANA));

    assertThat(f.item("A").details().estimatedValue()).contains(usd("55.00"));
    assertThat(f.ledger.history(Sku.of("A")).get(1).event().payload())
        .isEqualTo(new MarketValueEstimated(Optional.empty(), usd("40.00"), Optional.of("sold comps")));
    assertThat(f.ledger.marketValueHistory(Sku.of("A"))).extracting(MarketValue::value)
        .containsExactly(Optional.of(usd("40.00")), Optional.of(usd("35.00")), Optional.of(usd("55.00")));
    assertThat(f.ledger.marketValueHistory(Sku.of("A")).get(0).basis()).contains("sold comps");
    f.refused(new EstimateMarketValue(Sku.of("A"), Money.of("5.00", "EUR"), Optional.empty(), ANA),
        RejectionCode.CURRENCY_MISMATCH);
  }
}
