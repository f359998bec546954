package org.resellledger.samples.channels.shopify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.listing.Channel;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Signatures;
import org.resellledger.samples.channels.WebhookReader;

/**
 * Shopify's webhook deliveries read and verified: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the
 * raw body with the app's secret.
 *
 * <ul>
 *   <li>VERIFIED only when the header decodes and equals, compared in constant time, the HMAC of the exact bytes
 *       received with the current secret, or with the previous one while it is still accepted (a rotation:
 *       {@code previousUntil} by the injected clock).
 *   <li>The event: account {@code X-Shopify-Shop-Domain}, topic {@code X-Shopify-Topic}, provider event id
 *       {@code X-Shopify-Event-Id} (shared by every webhook of one merchant action; the inbox's key adds shop and
 *       topic), delivery id {@code X-Shopify-Webhook-Id}, occurred-at {@code X-Shopify-Triggered-At}. A missing
 *       event id falls back to the webhook id, then to the body's digest.
 * </ul>
 */
public final class ShopifyWebhooks implements WebhookReader {
  public static final String TOPIC = "x-shopify-topic";
  public static final String HMAC = "x-shopify-hmac-sha256";
  public static final String SHOP = "x-shopify-shop-domain";
  public static final String WEBHOOK_ID = "x-shopify-webhook-id";
  public static final String EVENT_ID = "x-shopify-event-id";
  public static final String TRIGGERED_AT = "x-shopify-triggered-at";
  public static final String API_VERSION = "x-shopify-api-version";
  private static final Set<String> KEPT = Set.of(TOPIC, HMAC, SHOP, WEBHOOK_ID, EVENT_ID, TRIGGERED_AT, API_VERSION);

  private final byte[] secret;
  private final Optional<byte[]> previous;
  private final Instant previousUntil;
  private final Clock clock;

  private ShopifyWebhooks(byte[] secret, Optional<byte[]> previous, Instant previousUntil, Clock clock) {
    this.secret = secret.clone();
    this.previous = previous.map(byte[]::clone);
    this.previousUntil = previousUntil;
    this.clock = clock;
  }

  /** Verifying with the app's secret only. */
  public static ShopifyWebhooks withSecret(String secret, Clock clock) {
    return new ShopifyWebhooks(secret.getBytes(StandardCharsets.UTF_8), Optional.empty(), Instant.MIN, clock);
  }

  /** Verifying with the new secret, and with the previous one until {@code previousUntil} (a rotation). */
  public static ShopifyWebhooks rotating(String secret, String previous, Instant previousUntil, Clock clock) {
    return new ShopifyWebhooks(secret.getBytes(StandardCharsets.UTF_8),
        Optional.of(previous.getBytes(StandardCharsets.UTF_8)), previousUntil, clock);
  }

  @Override
  public Channel channel() {
    return Channel.SHOPIFY;
  }

  /** The header value Shopify sends for {@code body} signed with {@code secret} (for tests and fixtures). */
  public static String sign(String secret, byte[] body) {
    return java.util.Base64.getEncoder().encodeToString(
        Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  /** Whether {@code hmacHeader} is the signature of {@code body} with a secret accepted now. */
  public boolean verifies(String hmacHeader, byte[] body) {
    Optional<byte[]> given = Signatures.base64(hmacHeader);
    if (given.isEmpty()) {
      return false;
    }
    boolean current = Signatures.same(Signatures.hmacSha256(secret, body), given.get());
    boolean old = previous.isPresent() && clock.instant().isBefore(previousUntil)
        && Signatures.same(Signatures.hmacSha256(previous.get(), body), given.get());
    return current | old;
  }

  @Override
  public ProviderEvent read(Map<String, String> headers, byte[] body, Instant receivedAt) {
    String eventId = Optional.ofNullable(headers.get(EVENT_ID)).or(() -> Optional.ofNullable(headers.get(WEBHOOK_ID)))
        .map(id -> Deliveries.field(id, 200)).orElseGet(() -> Deliveries.bodyId(body));
    ProviderEvent.Builder b = ProviderEvent.builder().provider(Channel.SHOPIFY)
        .account(Deliveries.field(headers.get(SHOP), 120)).topic(Deliveries.field(headers.get(TOPIC), 100))
        .providerEventId(eventId).receivedAt(receivedAt).body(body).headers(Deliveries.keep(headers, KEPT))
        .signature(verifies(headers.get(HMAC), body) ? SignatureVerdict.VERIFIED : SignatureVerdict.UNVERIFIED);
    Optional.ofNullable(headers.get(WEBHOOK_ID)).map(id -> Deliveries.field(id, 200)).ifPresent(b::deliveryId);
    Deliveries.instant(headers.get(TRIGGERED_AT)).ifPresent(b::occurredAt);
    return b.build();
  }
}
