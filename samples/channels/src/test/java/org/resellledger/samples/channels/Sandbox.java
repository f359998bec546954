package org.resellledger.samples.channels;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.samples.channels.ebay.EbayMapper;
import org.resellledger.samples.channels.ebay.EbayNotifications;
import org.resellledger.samples.channels.ebay.EbayPublicKeys;
import org.resellledger.samples.channels.etsy.EtsyMapper;
import org.resellledger.samples.channels.etsy.EtsyWebhooks;
import org.resellledger.samples.channels.shopify.ShopifyMapper;
import org.resellledger.samples.channels.shopify.ShopifyWebhooks;
import org.resellledger.testkit.gen.Samples;

/**
 * One shop selling on the three sample channels, for tests: a ledger over a store, the readers with their
 * secrets and keys, the mappers with their fetch ports (maps the test fills), and signed deliveries.
 */
public final class Sandbox {
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final String SHOPIFY_SECRET = "shpss_current_0123456789abcdef";
  public static final String SHOPIFY_PREVIOUS = "shpss_previous_fedcba9876543210";
  public static final String SHOP = "reseller.myshopify.com";
  public static final String ETSY_SECRET = "whsec_" + Base64.getEncoder()
      .encodeToString("etsy-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  public static final String ETSY_SHOP = "27182818";
  public static final String EBAY_KID = "kid-2026-03";
  public static final KeyPair EBAY_KEYS = ecKeys(1);

  /** One delivery as a channel sends it. */
  public record Delivery(String channel, Map<String, String> headers, byte[] body) {}

  public final WorkspaceId workspace;
  public final LedgerStore store;
  public final InboxStore inbox;
  public final ChannelLinkStore links;
  public final Ledger ledger;
  public final Map<String, byte[]> ebayOrders = new ConcurrentHashMap<>();
  public final Map<String, byte[]> etsyReceipts = new ConcurrentHashMap<>();
  public final AtomicInteger keyFetches = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();

  public <S extends LedgerStore & InboxStore> Sandbox(S store, ChannelLinkStore links, String workspace) {
    this.workspace = WorkspaceId.of(workspace);
    this.store = store;
    this.inbox = store;
    this.links = links;
    this.ledger = Ledger.open(store, this.workspace, LedgerConfig.defaults().withClock(CLOCK));
  }

  public ShopifyWebhooks shopifyReader() {
    return ShopifyWebhooks.rotating(SHOPIFY_SECRET, SHOPIFY_PREVIOUS, NOW.plus(Duration.ofDays(1)), CLOCK);
  }

  public EbayNotifications ebayReader() {
    return new EbayNotifications("reseller_one", EbayPublicKeys.cached(kid -> {
      keyFetches.incrementAndGet();
      return kid.equals(EBAY_KID) ? Optional.of(EBAY_KEYS.getPublic()) : Optional.empty();
    }, CLOCK));
  }

  public EtsyWebhooks etsyReader() {
    return EtsyWebhooks.withSecret(ETSY_SECRET, CLOCK);
  }

  public List<WebhookReader> readers() {
    return List.of(shopifyReader(), ebayReader(), etsyReader());
  }

  public List<ChannelMapper> mappers() {
    return List.of(new ShopifyMapper(), new EbayMapper(id -> Optional.ofNullable(ebayOrders.get(id))),
        new EtsyMapper((shop, receipt) -> Optional.ofNullable(etsyReceipts.get(receipt))));
  }

  public InboxProcessor processor() {
    return InboxProcessor.of(ledger, inbox, links, mappers());
  }

  /** Stores the delivery as the receiver does (read by its channel's reader). */
  public InboxEntry receive(Delivery d) {
    WebhookReader reader = readers().stream().filter(r -> r.channel().code().equals(d.channel())).findFirst()
        .orElseThrow();
    return receive(reader.read(d.headers(), d.body(), NOW));
  }

  public InboxEntry receive(ProviderEvent event) {
    return inbox.receive(workspace, InboxEntryId.of("in-" + ids.incrementAndGet()), event).entry();
  }

  /** An item of {@code quantity} units with a DRAFT listing on {@code channel} whose external id is {@code externalId}. */
  public ListingId stock(String sku, int quantity, Channel channel, String externalId, String price) {
    ledger.execute(new IntakeItem(Samples.details(sku), quantity, ItemStatus.READY_TO_LIST, Origin.manual("ana")));
    ledger.execute(new CreateListing(Sku.of(sku), Samples.listing(channel, externalId, usd(price)), SyncStatus.DRAFT,
        Origin.manual("ana")));
    return ledger.listingByExternalId(channel, externalId).orElseThrow().id();
  }

  public static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  // --- deliveries -------------------------------------------------------------------------------------------

  public static Map<String, Object> shopifyOrder(long orderId, long variantId, String sku, int quantity) {
    Map<String, Object> v = new HashMap<>();
    v.put("order_id", orderId);
    v.put("variant_id", variantId);
    v.put("product_id", variantId + 500_000L);
    v.put("sku", sku);
    v.put("quantity", quantity);
    v.put("financial_status", "paid");
    v.put("cancelled_at", null);
    return v;
  }

  public static Delivery shopify(String topic, String eventId, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(ShopifyWebhooks.TOPIC, topic);
    h.put(ShopifyWebhooks.HMAC, ShopifyWebhooks.sign(SHOPIFY_SECRET, body));
    h.put(ShopifyWebhooks.SHOP, SHOP);
    h.put(ShopifyWebhooks.WEBHOOK_ID, "wh-" + eventId + "-" + Integer.toHexString(java.util.Arrays.hashCode(body)));
    h.put(ShopifyWebhooks.EVENT_ID, eventId);
    h.put(ShopifyWebhooks.TRIGGERED_AT, "2026-03-01T11:59:59.000Z");
    h.put(ShopifyWebhooks.API_VERSION, "2026-01");
    return new Delivery("shopify", h, body);
  }

  public static Map<String, Object> ebayOrder(String orderId, String legacyItemId, String sku, int quantity,
      String lineCost) {
    Map<String, Object> v = new HashMap<>();
    v.put("order_id", orderId);
    v.put("legacy_item_id", legacyItemId);
    v.put("sku", sku);
    v.put("quantity", quantity);
    v.put("line_cost", lineCost);
    v.put("fulfillment_status", "NOT_STARTED");
    v.put("payment_status", "PAID");
    v.put("cancel_state", "NONE_REQUESTED");
    return v;
  }

  public static Delivery ebay(String notificationId, String orderId) {
    byte[] body = Fixtures.json("ebay/order_confirmation.json", Map.of("notification_id", notificationId,
        "order_id", orderId));
    return ebay(body);
  }

  public static Delivery ebay(byte[] body) {
    return new Delivery("ebay", Map.of(EbayNotifications.SIGNATURE,
        EbayNotifications.sign(EBAY_KEYS.getPrivate(), EBAY_KID, body)), body);
  }

  public static Map<String, Object> etsyReceipt(long receiptId, long listingId, String sku, int quantity) {
    Map<String, Object> v = new HashMap<>();
    v.put("receipt_id", receiptId);
    v.put("listing_id", listingId);
    v.put("sku", sku);
    v.put("quantity", quantity);
    v.put("status", "paid");
    v.put("is_paid", true);
    v.put("is_shipped", false);
    v.put("update_timestamp", 1772366400L);
    v.put("refunds", "[]");
    return v;
  }

  public static Delivery etsy(String webhookId, long receiptId) {
    byte[] body = Fixtures.json("etsy/order_paid.json", Map.of("shop_id", ETSY_SHOP, "receipt_id", receiptId));
    return etsy(webhookId, body);
  }

  public static Delivery etsy(String webhookId, byte[] body) {
    String ts = Long.toString(NOW.getEpochSecond());
    Map<String, String> h = new LinkedHashMap<>();
    h.put(EtsyWebhooks.ID, webhookId);
    h.put(EtsyWebhooks.TIMESTAMP, ts);
    h.put(EtsyWebhooks.SIGNATURE, EtsyWebhooks.sign(ETSY_SECRET, webhookId, ts, body));
    return new Delivery("etsy", h, body);
  }

  /** A P-256 key pair, deterministic per seed. */
  public static KeyPair ecKeys(long seed) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
