package org.resellledger.samples.channels.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Fixtures;
import org.resellledger.samples.channels.Sandbox;

/** eBay's Fulfillment API order in the ledger's words, fetched on each ORDER_CONFIRMATION. */
class EbayMapperTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "ebay");
  private final InboxProcessor processor = shop.processor();
  private final Map<String, Object> order = new HashMap<>(Sandbox.ebayOrder("12-1", "204500000011", "EB-1", 2,
      "90.00"));

  private InboxEntry confirm(String notificationId) {
    shop.ebayOrders.put("12-1", Fixtures.json("ebay/order.json", order));
    return processor.process(shop.receive(Sandbox.ebay(notificationId, "12-1")).id());
  }

  @Test
  void lineItemCost_isTheLinesTotal_pendingPaymentThenPaid_thenFulfilledShips() {
    shop.stock("EB-1", 3, Channel.EBAY, "204500000011", "45.00");
    order.put("payment_status", "PENDING");

    InboxEntry sale = confirm("n-1");
    order.put("payment_status", "PAID");
    InboxEntry paid = confirm("n-2");
    order.put("fulfillment_status", "FULFILLED");
    InboxEntry shipped = confirm("n-3");
    InboxEntry repeated = confirm("n-4");

    assertThat(sale.state()).isEqualTo(InboxState.APPLIED);
    assertThat(paid.state()).isEqualTo(InboxState.APPLIED);
    assertThat(shipped.state()).isEqualTo(InboxState.APPLIED);
    assertThat(repeated.state()).isEqualTo(InboxState.IGNORED);
    var recorded = shop.ledger.orderByExternalId(Channel.EBAY, "12-1").orElseThrow();
    assertThat(recorded.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(recorded.lines().get(0).quantity()).isEqualTo(2);
    assertThat(recorded.lines().get(0).unitPrice()).isEqualTo(Sandbox.usd("45.00"));
    assertThat(recorded.fees()).isEqualTo(Sandbox.usd("7.95"));
  }

  @Test
  void canceledBeforeHandover_cancels_andCanceledBeforeTheLedgerKnewIt_recordsNothing() {
    shop.stock("EB-1", 3, Channel.EBAY, "204500000011", "45.00");
    confirm("n-1");
    order.put("cancel_state", "CANCELED");

    InboxEntry cancelled = confirm("n-2");
    order.put("order_id", "12-2");
    shop.ebayOrders.put("12-2", Fixtures.json("ebay/order.json", order));
    InboxEntry unknown = processor.process(shop.receive(Sandbox.ebay("n-3", "12-2")).id());

    assertThat(cancelled.state()).isEqualTo(InboxState.APPLIED);
    assertThat(shop.ledger.orderByExternalId(Channel.EBAY, "12-1").orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(unknown.state()).isEqualTo(InboxState.IGNORED);
    assertThat(unknown.outcome().detail().orElseThrow()).contains("cancelled before the ledger knew it");
    assertThat(shop.ledger.orders()).hasSize(1);
  }

  @Test
  void anUnknownLegacyItem_andSku_areParked_namingBoth() {
    InboxEntry parked = confirm("n-1");

    assertThat(parked.state()).isEqualTo(InboxState.PARKED);
    assertThat(parked.outcome().detail().orElseThrow()).contains("ebay listing 204500000011", "SKU EB-1");
    assertThat(shop.ledger.orders()).isEmpty();
  }
}
