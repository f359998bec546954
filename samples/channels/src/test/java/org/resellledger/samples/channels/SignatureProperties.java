package org.resellledger.samples.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Sandbox.Delivery;
import org.resellledger.samples.channels.ebay.EbayNotifications;
import org.resellledger.samples.channels.etsy.EtsyWebhooks;
import org.resellledger.samples.channels.shopify.ShopifyWebhooks;

/**
 * Signatures of the three channels against mutations of valid deliveries: 10,000 of them (the body's bytes, the
 * signature header or a header it covers, the secret, the key), each made from a fresh valid delivery of a shop
 * whose items would sell. Every valid delivery verifies; every mutant is stored as UNVERIFIED and never applied.
 * Seeded: a failure names the seed and the case.
 */
class SignatureProperties {
  private static final long SEED = Long.getLong("channels.seed", 20261207L);
  private static final int MUTANTS = Integer.getInteger("channels.mutants", 10_000);
  private static final KeyPair OTHER_KEYS = Sandbox.ecKeys(2);

  enum Kind { BODY, HEADER, SECRET, KEY }

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "signatures");
  private final Map<String, WebhookReader> readers = new LinkedHashMap<>();
  private final Random random = new Random(SEED);

  SignatureProperties() {
    shop.readers().forEach(r -> readers.put(r.channel().code(), r));
  }

  private ProviderEvent read(Delivery d) {
    return readers.get(d.channel()).read(d.headers(), d.body(), Sandbox.NOW);
  }

  /** A fresh valid delivery of channel {@code c % 3}, number {@code n}, selling an item the shop has. */
  private Delivery valid(int c, int n) {
    switch (c % 3) {
      case 0:
        return Sandbox.shopify("orders/create", "ev-" + n,
            Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(700_000L + n, 44100L, "SIG-S", 1)));
      case 1:
        shop.ebayOrders.put("27-" + n, Fixtures.json("ebay/order.json",
            Sandbox.ebayOrder("27-" + n, "204500000001", "SIG-E", 1, "60.00")));
        return Sandbox.ebay("notif-" + n, "27-" + n);
      default:
        shop.etsyReceipts.put(Long.toString(800_000L + n), Fixtures.json("etsy/receipt.json",
            Sandbox.etsyReceipt(800_000L + n, 1234500001L, "SIG-T", 1)));
        return Sandbox.etsy("msg_" + n, 800_000L + n);
    }
  }

  private byte[] mutateBytes(byte[] body) {
    byte[] b = body.clone();
    switch (random.nextInt(4)) {
      case 0: {
        int i = random.nextInt(b.length);
        b[i] ^= (byte) (1 << random.nextInt(8));
        return b;
      }
      case 1: {
        int i = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, i);
        out[i] = (byte) random.nextInt(256);
        System.arraycopy(b, i, out, i + 1, b.length - i);
        return out;
      }
      case 2: {
        int i = random.nextInt(b.length);
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, i);
        System.arraycopy(b, i + 1, out, i, b.length - i - 1);
        return out;
      }
      default:
        return Arrays.copyOf(b, b.length + 1); // a NUL appended: JSON parsers may not mind, a signature must
    }
  }

  private String mutateBase64(String text) {
    byte[] raw = Base64.getDecoder().decode(text);
    raw[random.nextInt(raw.length)] ^= (byte) (1 << random.nextInt(8));
    return Base64.getEncoder().encodeToString(raw);
  }

  private Delivery mutant(Delivery d, Kind kind) {
    Map<String, String> h = new LinkedHashMap<>(d.headers());
    byte[] body = d.body();
    switch (kind) {
      case BODY -> body = mutateBytes(body);
      case HEADER -> {
        switch (d.channel()) {
          case "shopify" -> {
            if (random.nextInt(5) == 0) {
              h.remove(ShopifyWebhooks.HMAC);
            } else {
              h.put(ShopifyWebhooks.HMAC, mutateBase64(h.get(ShopifyWebhooks.HMAC)));
            }
          }
          case "ebay" -> h.put(EbayNotifications.SIGNATURE, ebayHeader(h.get(EbayNotifications.SIGNATURE)));
          default -> {
            int which = random.nextInt(4);
            if (which == 0) {
              h.put(EtsyWebhooks.SIGNATURE, "v1," + mutateBase64(h.get(EtsyWebhooks.SIGNATURE).substring(3)));
            } else if (which == 1) {
              h.put(EtsyWebhooks.ID, h.get(EtsyWebhooks.ID) + "x"); // the id is signed too
            } else if (which == 2) {
              long ts = Long.parseLong(h.get(EtsyWebhooks.TIMESTAMP));
              h.put(EtsyWebhooks.TIMESTAMP, Long.toString(ts + 1 + random.nextInt(200)));
            } else { // a replay: signed right, but long after
              String old = Long.toString(Sandbox.NOW.minus(Duration.ofMinutes(6 + random.nextInt(600))).getEpochSecond());
              h.put(EtsyWebhooks.TIMESTAMP, old);
              h.put(EtsyWebhooks.SIGNATURE, EtsyWebhooks.sign(Sandbox.ETSY_SECRET, h.get(EtsyWebhooks.ID), old, body));
            }
          }
        }
      }
      case SECRET, KEY -> {
        switch (d.channel()) {
          case "shopify" -> h.put(ShopifyWebhooks.HMAC, ShopifyWebhooks.sign(kind == Kind.KEY ? Sandbox.SHOPIFY_SECRET
              + "x" : "shpss_" + Long.toHexString(random.nextLong()), body));
          case "ebay" -> h.put(EbayNotifications.SIGNATURE, kind == Kind.KEY
              ? EbayNotifications.sign(OTHER_KEYS.getPrivate(), Sandbox.EBAY_KID, body) // another key under the kid
              : EbayNotifications.sign(Sandbox.EBAY_KEYS.getPrivate(), "kid-unknown-" + random.nextInt(1000), body));
          default -> {
            String secret = "whsec_" + Base64.getEncoder().encodeToString(
                ("other-" + random.nextLong()).getBytes(StandardCharsets.UTF_8));
            h.put(EtsyWebhooks.SIGNATURE, EtsyWebhooks.sign(secret, h.get(EtsyWebhooks.ID), h.get(EtsyWebhooks.TIMESTAMP),
                body));
          }
        }
      }
    }
    return new Delivery(d.channel(), h, body);
  }

  /** eBay's header with one thing changed: the signature's bits, the digest, the algorithm, or not base64 JSON. */
  private String ebayHeader(String header) {
    JsonNode h = Json.parse(Base64.getDecoder().decode(header));
    Map<String, String> fields = new LinkedHashMap<>();
    h.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
    switch (random.nextInt(5)) {
      case 0, 1 -> fields.put("signature", mutateBase64(fields.get("signature")));
      case 2 -> fields.put("digest", "SHA256");
      case 3 -> fields.put("alg", "RSA");
      default -> {
        return header.substring(0, header.length() / 2);
      }
    }
    return Base64.getEncoder().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tenThousandMutantsOfValidDeliveries_areStoredUnverified_andNeverApplied_everyValidOneVerifies() {
    shop.stock("SIG-S", 100_000, Channel.SHOPIFY, "544100", "45.00");
    shop.stock("SIG-E", 100_000, Channel.EBAY, "204500000001", "60.00");
    shop.stock("SIG-T", 100_000, Channel.ETSY, "1234500001", "22.00");
    var processor = shop.processor();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);

    for (int n = 0; n < MUTANTS; n++) {
      String at = "seed " + SEED + ", case " + n;
      Delivery valid = valid(n, n);
      assertThat(read(valid).signature()).as("valid delivery, " + at).isEqualTo(SignatureVerdict.VERIFIED);

      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      Delivery mutant = mutant(valid, kind);
      ProviderEvent event = read(mutant);
      assertThat(event.signature()).as(kind + " mutant of " + valid.channel() + ", " + at)
          .isEqualTo(SignatureVerdict.UNVERIFIED);
      InboxEntry stored = shop.receive(event);
      InboxEntry after = processor.process(stored.id());
      assertThat(after.state()).as(at).isNotEqualTo(InboxState.APPLIED);
      kinds.merge(kind, 1, Integer::sum);
    }

    assertThat(shop.ledger.orders()).as("seed " + SEED).isEmpty();
    assertThat(store.inboxEntries(shop.workspace, InboxState.APPLIED, 0, 10)).isEmpty();
    assertThat(store.inboxEntries(shop.workspace, InboxState.IGNORED, 0, 1).get(0).outcome().detail())
        .contains("its signature did not verify: never applied");
    assertThat(kinds.values()).allSatisfy(count -> assertThat(count).isGreaterThan(MUTANTS / 8));
  }

  @Test
  void validDeliveries_ofEachChannel_areVerified_stored_andApplied() {
    shop.stock("SIG-S", 100, Channel.SHOPIFY, "544100", "45.00");
    shop.stock("SIG-E", 100, Channel.EBAY, "204500000001", "60.00");
    shop.stock("SIG-T", 100, Channel.ETSY, "1234500001", "22.00");
    var processor = shop.processor();

    for (int n = 0; n < 90; n++) {
      InboxEntry entry = shop.receive(read(valid(n, n)));
      assertThat(entry.event().signature()).isEqualTo(SignatureVerdict.VERIFIED);
      assertThat(processor.process(entry.id()).state()).as("case " + n).isEqualTo(InboxState.APPLIED);
    }

    assertThat(shop.ledger.orders()).hasSize(90);
  }

  @Test
  void shopify_previousSecret_isAcceptedDuringTheRotation_andRefusedAfterIt() {
    byte[] body = Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(1L, 2L, "X", 1));
    String byPrevious = ShopifyWebhooks.sign(Sandbox.SHOPIFY_PREVIOUS, body);
    ShopifyWebhooks during = ShopifyWebhooks.rotating(Sandbox.SHOPIFY_SECRET, Sandbox.SHOPIFY_PREVIOUS,
        Sandbox.NOW.plusSeconds(1), Sandbox.CLOCK);
    ShopifyWebhooks after = ShopifyWebhooks.rotating(Sandbox.SHOPIFY_SECRET, Sandbox.SHOPIFY_PREVIOUS,
        Sandbox.NOW, Sandbox.CLOCK);
    ShopifyWebhooks currentOnly = ShopifyWebhooks.withSecret(Sandbox.SHOPIFY_SECRET, Sandbox.CLOCK);

    assertThat(during.verifies(byPrevious, body)).isTrue();
    assertThat(after.verifies(byPrevious, body)).isFalse();
    assertThat(currentOnly.verifies(byPrevious, body)).isFalse();
    assertThat(after.verifies(ShopifyWebhooks.sign(Sandbox.SHOPIFY_SECRET, body), body)).isTrue();
  }

  @Test
  void ebay_publicKey_isFetchedOncePerKid_andAnUnknownKidIsNeverCached() {
    EbayNotifications reader = shop.ebayReader();
    byte[] body = Fixtures.json("ebay/order_confirmation.json", Map.of("notification_id", "n-1", "order_id", "1"));
    String good = EbayNotifications.sign(Sandbox.EBAY_KEYS.getPrivate(), Sandbox.EBAY_KID, body);
    String unknown = EbayNotifications.sign(Sandbox.EBAY_KEYS.getPrivate(), "kid-none", body);

    for (int i = 0; i < 5; i++) {
      assertThat(reader.verifies(good, body)).isTrue();
      assertThat(reader.verifies(unknown, body)).isFalse();
    }

    assertThat(shop.keyFetches.get()).isEqualTo(1 + 5);
  }
}
