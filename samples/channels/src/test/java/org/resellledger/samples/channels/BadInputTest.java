package org.resellledger.samples.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Sandbox.Delivery;
import org.resellledger.samples.channels.etsy.EtsyPoll;
import org.resellledger.samples.channels.shopify.ShopifyWebhooks;

/**
 * Bad input through the receiver: malformed JSON, missing fields, wrong types, bodies beyond the bound, unknown
 * topics, missing headers. Each is stored and ends with a reason that says what was wrong (never a stack trace,
 * never FAILED), and nothing is applied.
 */
class BadInputTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "bad-input");
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    shop.stock("BAD-S", 10, Channel.SHOPIFY, "544200", "45.00");
    shop.stock("BAD-E", 10, Channel.EBAY, "204500000002", "60.00");
    shop.stock("BAD-T", 10, Channel.ETSY, "1234500002", "22.00");
    receiver = WebhookReceiver.start(shop.ledger, store, store, shop.readers(), shop.mappers(), 0, 2);
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
  }

  /** Posts the delivery, waits for processing, and returns its entry (the only one with this event id). */
  private InboxEntry send(Delivery d, int status) throws Exception {
    Http.Answer answer = Http.post(receiver.port(), d);
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(receiver.awaitProcessed(Duration.ofSeconds(30))).isTrue();
    String id = answer.text().split(" ")[1].replace(":", "");
    return store.inboxEntry(shop.workspace, org.resellledger.core.inbox.InboxEntryId.of(id))
        .orElseThrow();
  }

  private static void ignoredBecause(InboxEntry entry, String... words) {
    assertThat(entry.state()).as(entry.outcome().toString()).isEqualTo(InboxState.IGNORED);
    assertThat(entry.outcome().detail().orElseThrow()).contains(words).doesNotContain("Exception", "\tat ", "\n");
  }

  private static String order(Map<String, Object> values) {
    return new String(Fixtures.json("shopify/order.json", values), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> shopifyOrder(long id) {
    return new HashMap<>(Sandbox.shopifyOrder(id, 44200L, "BAD-S", 1));
  }

  @Test
  void shopify_malformedJson_missingField_wrongType_areIgnored_sayingWhat() throws Exception {
    byte[] malformed = "{\"id\": 1, \"line_items\": [".getBytes(StandardCharsets.UTF_8);
    byte[] missing = order(shopifyOrder(2)).replace("\"line_items\"", "\"items\"").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> wrong = shopifyOrder(3);
    wrong.put("quantity", "\"one\"");
    byte[] duplicateKey = "{\"id\": 4, \"id\": 5}".getBytes(StandardCharsets.UTF_8);
    byte[] notAnObject = "[1, 2]".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> badStatus = shopifyOrder(6);
    badStatus.put("financial_status", "maybe");

    ignoredBecause(send(Sandbox.shopify("orders/create", "b-1", malformed), 200), "malformed JSON");
    ignoredBecause(send(Sandbox.shopify("orders/create", "b-2", missing), 200), "missing field line_items");
    ignoredBecause(send(Sandbox.shopify("orders/create", "b-3", Fixtures.json("shopify/order.json", wrong)), 200),
        "wrong type: line_items[0].quantity is text, expected a whole number");
    ignoredBecause(send(Sandbox.shopify("orders/create", "b-4", duplicateKey), 200), "malformed JSON", "Duplicate");
    ignoredBecause(send(Sandbox.shopify("orders/create", "b-5", notAnObject), 200), "malformed JSON",
        "top level is an array");
    ignoredBecause(send(Sandbox.shopify("orders/create", "b-6", Fixtures.json("shopify/order.json", badStatus)), 200),
        "financial_status is \"maybe\"");
    assertThat(shop.ledger.orders()).isEmpty();
    assertThat(store.inboxEntries(shop.workspace, InboxState.FAILED, 0, 10)).isEmpty();
  }

  @Test
  void unknownTopics_ofEachChannel_areIgnored_namingTheTopic() throws Exception {
    byte[] cart = "{\"id\": 1, \"token\": \"abc\"}".getBytes(StandardCharsets.UTF_8);
    byte[] deletion = ("{\"metadata\":{\"topic\":\"MARKETPLACE_ACCOUNT_DELETION\",\"schemaVersion\":\"1.0\"},"
        + "\"notification\":{\"notificationId\":\"del-1\",\"eventDate\":\"2026-03-01T12:00:00.000Z\","
        + "\"publishDate\":\"2026-03-01T12:00:00.000Z\",\"publishAttemptCount\":1,"
        + "\"data\":{\"username\":\"someone\",\"userId\":\"u1\",\"eiasToken\":\"t\"}}}").getBytes(StandardCharsets.UTF_8);
    byte[] shop = "{\"event_type\":\"SHOP_UPDATED\",\"resource_url\":\"https://openapi.etsy.com/v3/application/shops/1\",\"shop_id\":1}"
        .getBytes(StandardCharsets.UTF_8);

    ignoredBecause(send(Sandbox.shopify("carts/create", "t-1", cart), 200),
        "topic carts/create of shopify is not used by the ledger");
    ignoredBecause(send(Sandbox.ebay(deletion), 200), "topic MARKETPLACE_ACCOUNT_DELETION of ebay is not used");
    ignoredBecause(send(Sandbox.etsy("msg_t3", shop), 200), "topic SHOP_UPDATED of etsy is not used");
    assertThat(this.shop.ledger.orders()).isEmpty();
  }

  @Test
  void missingHeaders_areStoredWithPlaceholders_andNeverApplied() throws Exception {
    byte[] body = Fixtures.json("shopify/order.json", shopifyOrder(10));
    Map<String, String> noTopic = new LinkedHashMap<>(Sandbox.shopify("orders/create", "h-1", body).headers());
    noTopic.remove(ShopifyWebhooks.TOPIC);
    noTopic.remove(ShopifyWebhooks.EVENT_ID);
    Map<String, String> noSignature = new LinkedHashMap<>(Sandbox.shopify("orders/create", "h-2", body).headers());
    noSignature.remove(ShopifyWebhooks.HMAC);

    InboxEntry topicless = send(new Delivery("shopify", noTopic, body), 200);
    InboxEntry unsigned = send(new Delivery("shopify", noSignature, body), 401);

    ignoredBecause(topicless, "topic (missing) of shopify is not used");
    assertThat(topicless.event().providerEventId()).startsWith("wh-h-1"); // the webhook id stands in
    ignoredBecause(unsigned, "its signature did not verify");
    assertThat(shop.ledger.orders()).isEmpty();
  }

  @Test
  void ebay_and_etsy_badBodies_andBadFetchedResources_areIgnored_sayingWhat() throws Exception {
    Map<String, Object> wrongQuantity = new HashMap<>(Sandbox.ebayOrder("9-1", "204500000002", "BAD-E", 1, "60.00"));
    wrongQuantity.put("quantity", "1.5");
    shop.ebayOrders.put("9-1", Fixtures.json("ebay/order.json", wrongQuantity));
    shop.ebayOrders.put("9-2", "{not json".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> paidAsText = new HashMap<>(Sandbox.etsyReceipt(77L, 1234500002L, "BAD-T", 1));
    paidAsText.put("is_paid", "\"yes\"");
    shop.etsyReceipts.put("77", Fixtures.json("etsy/receipt.json", paidAsText));
    byte[] noUrl = "{\"event_type\":\"ORDER_PAID\",\"shop_id\":1}".getBytes(StandardCharsets.UTF_8);

    ignoredBecause(send(Sandbox.ebay("{\"metadata\":".getBytes(StandardCharsets.UTF_8)), 200), "malformed JSON");
    ignoredBecause(send(Sandbox.ebay("n-9-1", "9-1"), 200), "wrong type: lineItems[0].quantity is a number, expected a whole number");
    ignoredBecause(send(Sandbox.ebay("n-9-2", "9-2"), 200), "the fetched order: malformed JSON");
    ignoredBecause(send(Sandbox.etsy("msg_77", 77L), 200), "wrong type: is_paid is text, expected true or false");
    ignoredBecause(send(Sandbox.etsy("msg_78", noUrl), 200), "missing field resource_url");
    ignoredBecause(shop.processor().process(shop.receive(EtsyPoll.event(Sandbox.ETSY_SHOP,
        "{\"receipt_id\": 5}".getBytes(StandardCharsets.UTF_8), Sandbox.NOW)).id()), "missing field status");
    assertThat(shop.ledger.orders()).isEmpty();
  }

  @Test
  void bodiesBeyondTheBound_declaredOrNot_areStoredCut_with413_andIgnored_namingTheSize() throws Exception {
    byte[] huge = new byte[ProviderEvent.MAX_BODY_BYTES + 10];
    Arrays.fill(huge, (byte) ' ');
    byte[] start = Fixtures.json("shopify/order.json", shopifyOrder(20));
    System.arraycopy(start, 0, huge, 0, start.length);

    InboxEntry entry = send(Sandbox.shopify("orders/create", "big-1", huge), 413);

    ignoredBecause(entry, "body too large: " + huge.length + " bytes", "at most " + ProviderEvent.MAX_BODY_BYTES);
    assertThat(entry.event().body()).hasSize(Deliveries.OVERSIZE_KEPT);
    assertThat(entry.event().headers()).containsEntry(Deliveries.OVERSIZE_HEADER, Integer.toString(huge.length));
    assertThat(shop.ledger.orders()).isEmpty();
    // a sender cannot set the mark itself: the readers keep only the headers they name
    Delivery spoof = Sandbox.shopify("orders/create", "big-2", Fixtures.json("shopify/order.json", shopifyOrder(21)));
    Map<String, String> h = new LinkedHashMap<>(spoof.headers());
    h.put(Deliveries.OVERSIZE_HEADER, "1");
    InboxEntry normal = send(new Delivery("shopify", h, spoof.body()), 200);
    assertThat(normal.state()).isEqualTo(InboxState.APPLIED);
    assertThat(List.of(shop.ledger.orders().size())).containsExactly(1);
  }
}
