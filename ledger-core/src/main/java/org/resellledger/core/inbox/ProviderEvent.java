package org.resellledger.core.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.resellledger.core.LedgerStyle;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * One delivery of a provider's message, as received: who sent it (provider, account or shop), what it is
 * about (topic, the provider's event id), the raw body and the headers that matter, and whether its
 * signature was checked.
 *
 * <ul>
 *   <li>The body is at most {@value #MAX_BODY_BYTES} bytes, copied in and out (a caller's array never
 *       changes a stored event).
 *   <li>At most {@value #MAX_HEADERS} headers; names are kept in lower case (HTTP names are case-blind),
 *       1-64 of {@code a-z 0-9 -}; values are not blank and at most {@value #MAX_HEADER_VALUE} characters.
 *   <li>Account at most 120 characters, topic 100, provider event id and delivery id 200; no control
 *       characters in any text.
 *   <li>Instants are kept to the microsecond (what every store keeps), within the ledger's time bounds.
 * </ul>
 */
@Value.Immutable
@LedgerStyle
public abstract class ProviderEvent {
  public static final int MAX_BODY_BYTES = 1_048_576;
  public static final int MAX_HEADERS = 32;
  public static final int MAX_HEADER_VALUE = 2000;

  /** The channel that sent it, e.g. {@code shopify}. */
  public abstract Channel provider();

  /** The shop domain, seller or account the provider sent it for ({@code X-Shopify-Shop-Domain}). */
  public abstract String account();

  /** What it is about in the provider's words, e.g. {@code orders/create} or {@code ORDER_CONFIRMATION}. */
  public abstract String topic();

  /** The provider's id of the event ({@code X-Shopify-Event-Id}, eBay's notificationId, Etsy's webhook-id). */
  public abstract String providerEventId();

  /** The provider's id of this one delivery, when it sends one ({@code X-Shopify-Webhook-Id}). */
  public abstract Optional<String> deliveryId();

  public abstract Instant receivedAt();

  /** When it happened, as the provider says ({@code X-Shopify-Triggered-At}, eBay's eventDate). */
  public abstract Optional<Instant> occurredAt();

  /** The raw body, as received (a copy). */
  @SuppressWarnings("mutable")
  public abstract byte[] body();

  public abstract Map<String, String> headers();

  public abstract SignatureVerdict signature();

  /** The SHA-256 of the body, in lower-case hex: what tells a redelivery from a conflict. */
  @Value.Lazy
  public String bodyDigest() {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The key a redelivery of this event carries too; see {@link DedupeKey#of}. */
  @Value.Lazy
  public DedupeKey dedupeKey() {
    return DedupeKey.of(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a provider event; all but delivery id, occurred-at and headers are required. */
  public static class Builder extends ImmutableProviderEvent.Builder {
    /** The event; refused {@code MISSING_FIELD} naming every required field not set, or with every invalid one. */
    @Override
    public ProviderEvent build() {
      return Checks.built("provider event", super::build);
    }
  }

  @Value.Check
  protected ProviderEvent check() {
    Checks.all(
        () -> Checks.text("account", account(), 120),
        () -> Checks.text("topic", topic(), 100),
        () -> Checks.text("providerEventId", providerEventId(), 200),
        () -> deliveryId().ifPresent(d -> Checks.text("deliveryId", d, 200)),
        () -> Checks.instant("receivedAt", receivedAt()),
        () -> occurredAt().ifPresent(t -> Checks.instant("occurredAt", t)),
        () -> {
          if (body().length > MAX_BODY_BYTES) {
            throw RejectionException.invalid("body", body().length + " bytes", "at most " + MAX_BODY_BYTES + " bytes");
          }
        },
        this::normalHeaders);
    Map<String, String> headers = normalHeaders();
    boolean normal = headers.equals(headers()) && account().equals(account().strip())
        && topic().equals(topic().strip()) && providerEventId().equals(providerEventId().strip())
        && deliveryId().map(d -> d.equals(d.strip())).orElse(true) && micros(receivedAt()).equals(receivedAt())
        && occurredAt().map(t -> micros(t).equals(t)).orElse(true);
    if (normal) {
      return this;
    }
    return builder().from(this).account(account().strip()).topic(topic().strip())
        .providerEventId(providerEventId().strip()).deliveryId(deliveryId().map(String::strip))
        .receivedAt(micros(receivedAt())).occurredAt(occurredAt().map(ProviderEvent::micros))
        .headers(headers).build();
  }

  private static Instant micros(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  /** The headers with lower-case names, checked. */
  private Map<String, String> normalHeaders() {
    if (headers().size() > MAX_HEADERS) {
      throw RejectionException.invalid("headers", headers().size() + " headers", "at most " + MAX_HEADERS);
    }
    Map<String, String> lower = new TreeMap<>();
    headers().forEach((name, value) -> {
      String n = name.strip().toLowerCase(Locale.ROOT);
      if (!n.matches("[a-z0-9-]{1,64}")) {
        throw RejectionException.invalid("headers", name, "a header name: 1-64 of letters, digits and '-'");
      }
      if (lower.put(n, Checks.text("headers." + n, value, MAX_HEADER_VALUE)) != null) {
        throw RejectionException.invalid("headers", name, "each header once, whatever its case");
      }
    });
    return lower;
  }
}
