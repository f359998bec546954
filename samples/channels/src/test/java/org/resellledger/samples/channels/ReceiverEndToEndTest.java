package org.resellledger.samples.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.samples.channels.Sandbox.Delivery;
import org.resellledger.samples.channels.etsy.EtsyPoll;

/**
 * Per channel, a webhook body through the whole path on the jOOQ store (embedded H2): HTTP on 127.0.0.1 -> reader
 * (signature) -> inbox -> mapper -> ledger; the sale is recorded once, and a redelivery is the same entry, counted,
 * with nothing applied again.
 */
class ReceiverEndToEndTest {
  @TempDir
  Path dir;
  private JooqLedgerStore store;
  private Sandbox shop;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    store = JooqLedgerStore.embeddedH2(dir);
    shop = new Sandbox(store, new MemoryChannelLinks(), "e2e");
    receiver = WebhookReceiver.start(shop.ledger, store, shop.links, shop.readers(), shop.mappers(), 0, 4);
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    store.close();
  }

  private InboxEntry only(InboxState state) {
    List<InboxEntry> entries = store.inboxEntries(shop.workspace, state, 0, 10);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private Order order(Channel channel, String id) {
    return shop.ledger.orderByExternalId(channel, id).orElseThrow();
  }

  @Test
  void shopify_ordersCreate_recordsTheSaleOnce_redeliveryIsCounted_thenFulfilmentAndRefundWithReturn() throws Exception {
    shop.stock("JKT-1", 2, Channel.SHOPIFY, "544001", "45.00");
    Delivery create = Sandbox.shopify("orders/create", "ev-1",
        Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(1001L, 44001L, "JKT-1", 1)));

    Http.Answer first = Http.post(receiver.port(), create);
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();
    Http.Answer again = Http.post(receiver.port(), create);
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.text()).startsWith("first ");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text()).startsWith("redelivery ");
    InboxEntry applied = only(InboxState.APPLIED);
    assertThat(applied.deliveries()).isEqualTo(2);
    assertThat(shop.ledger.orders()).hasSize(1);
    Order order = order(Channel.SHOPIFY, "1001");
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.shippingCharged()).isEqualTo(Sandbox.usd("4.00"));
    assertThat(order.lines().get(0).unitPrice()).isEqualTo(Sandbox.usd("45.00"));
    assertThat(shop.ledger.item(Sku.of("JKT-1")).orElseThrow().available()).isEqualTo(1);

    Http.post(receiver.port(), Sandbox.shopify("fulfillments/create", "ev-2", Fixtures.json(
        "shopify/fulfillment.json", Map.of("fulfillment_id", 255858046L, "order_id", 1001L, "variant_id", 44001L))));
    Http.post(receiver.port(), Sandbox.shopify("refunds/create", "ev-3", Fixtures.json("shopify/refund.json",
        Map.of("refund_id", 509562969L, "order_id", 1001L, "variant_id", 44001L, "product_id", 544001L, "sku", "JKT-1",
            "quantity", 1, "restock_type", "return", "amount", "45.00"))));
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();

    Order after = order(Channel.SHOPIFY, "1001");
    assertThat(after.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(after.refunded()).isEqualTo(Sandbox.usd("45.00"));
    assertThat(after.carrier()).contains("USPS");
    assertThat(store.inboxEntries(shop.workspace, InboxState.APPLIED, 0, 10)).hasSize(3);
  }

  @Test
  void shopify_refundBeforeItsFulfilment_isHeld_thenApplied_whenTheFulfilmentArrives() throws Exception {
    shop.stock("JKT-2", 1, Channel.SHOPIFY, "544002", "45.00");
    Http.post(receiver.port(), Sandbox.shopify("refunds/create", "ev-13", Fixtures.json("shopify/refund.json",
        Map.of("refund_id", 509562970L, "order_id", 1002L, "variant_id", 44002L, "product_id", 544002L, "sku", "JKT-2",
            "quantity", 1, "restock_type", "return", "amount", "45.00"))));
    Http.post(receiver.port(), Sandbox.shopify("orders/create", "ev-11",
        Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(1002L, 44002L, "JKT-2", 1))));
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();
    assertThat(only(InboxState.HELD).outcome().detail()).contains("the shipment of order shopify/1002");

    Http.post(receiver.port(), Sandbox.shopify("fulfillments/create", "ev-12", Fixtures.json(
        "shopify/fulfillment.json", Map.of("fulfillment_id", 255858047L, "order_id", 1002L, "variant_id", 44002L))));
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();

    assertThat(order(Channel.SHOPIFY, "1002").status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(store.inboxEntries(shop.workspace, InboxState.APPLIED, 0, 10)).hasSize(3);
  }

  @Test
  void ebay_orderConfirmation_fetchesTheOrder_recordsTheSaleOnce_andARepeatedConfirmationAddsNothing() throws Exception {
    shop.stock("BOOT-9", 1, Channel.EBAY, "204512345678", "60.00");
    shop.ebayOrders.put("12-34567-89012", Fixtures.json("ebay/order.json",
        Sandbox.ebayOrder("12-34567-89012", "204512345678", "BOOT-9", 1, "60.00")));
    Delivery confirmation = Sandbox.ebay("notif-1", "12-34567-89012");

    Http.Answer first = Http.post(receiver.port(), confirmation);
    Http.Answer retry = Http.post(receiver.port(), confirmation);
    Http.post(receiver.port(), Sandbox.ebay("notif-2", "12-34567-89012")); // sent again, a new notification
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(shop.ledger.orders()).hasSize(1);
    Order order = order(Channel.EBAY, "12-34567-89012");
    assertThat(order.fees()).isEqualTo(Sandbox.usd("7.95"));
    assertThat(order.shippingCharged()).isEqualTo(Sandbox.usd("5.50"));
    assertThat(order.lines().get(0).unitPrice()).isEqualTo(Sandbox.usd("60.00"));
    assertThat(only(InboxState.APPLIED).deliveries()).isEqualTo(2);
    assertThat(only(InboxState.IGNORED).outcome().detail().orElseThrow()).contains("nothing new");
    assertThat(shop.keyFetches.get()).isEqualTo(1); // the key is fetched by kid once, then cached
  }

  @Test
  void ebay_orderNotYetReturnedByTheFulfillmentApi_isHeld_andAppliedOnceItIs() throws Exception {
    shop.stock("BOOT-8", 1, Channel.EBAY, "204512345679", "60.00");
    Http.post(receiver.port(), Sandbox.ebay("notif-3", "12-00000-00001"));
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();
    assertThat(only(InboxState.HELD).outcome().detail()).contains("order ebay/12-00000-00001 from the Fulfillment API");

    shop.ebayOrders.put("12-00000-00001", Fixtures.json("ebay/order.json",
        Sandbox.ebayOrder("12-00000-00001", "204512345679", "BOOT-8", 1, "60.00")));
    receiver.processor().processAll(100);

    assertThat(only(InboxState.APPLIED).event().providerEventId()).isEqualTo("notif-3");
    assertThat(shop.ledger.orders()).hasSize(1);
  }

  @Test
  void etsy_orderPaid_fetchesTheReceipt_recordsTheSaleOnce_andAPolledLaterVersionShipsIt() throws Exception {
    shop.stock("MUG-3", 2, Channel.ETSY, "1234567890", "22.00");
    Map<String, Object> receipt = Sandbox.etsyReceipt(3300001L, 1234567890L, "MUG-3", 1);
    shop.etsyReceipts.put("3300001", Fixtures.json("etsy/receipt.json", receipt));
    Delivery paid = Sandbox.etsy("msg_2XyZ", 3300001L);

    Http.Answer first = Http.post(receiver.port(), paid);
    Http.Answer retry = Http.post(receiver.port(), paid);
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.text()).startsWith("redelivery ");
    Order order = order(Channel.ETSY, "3300001");
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.shippingCharged()).isEqualTo(Sandbox.usd("3.50"));
    assertThat(order.lines().get(0).unitPrice()).isEqualTo(Sandbox.usd("22.00"));

    receipt.put("is_shipped", true);
    receipt.put("status", "completed");
    receipt.put("update_timestamp", 1772370000L);
    byte[] shipped = Fixtures.json("etsy/receipt.json", receipt);
    receiver.processor().process(shop.receive(EtsyPoll.event(Sandbox.ETSY_SHOP, shipped, Sandbox.NOW)).id());
    shop.receive(EtsyPoll.event(Sandbox.ETSY_SHOP, shipped, Sandbox.NOW)); // polled again: the same entry
    receiver.processor().processAll(100);

    assertThat(order(Channel.ETSY, "3300001").status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(store.inboxEntries(shop.workspace, InboxState.APPLIED, 0, 10)).hasSize(2);
    assertThat(shop.ledger.orders()).hasSize(1);
  }
}
