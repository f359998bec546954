package org.resellledger.samples.channels.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.listing.Channel;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Json;
import org.resellledger.samples.channels.PayloadException;
import org.resellledger.samples.channels.Signatures;
import org.resellledger.samples.channels.WebhookReader;

/**
 * Etsy's webhook deliveries read and verified. Etsy signs as the Standard Webhooks scheme does: headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated
 * {@code v1,<base64>} entries); each is the HMAC-SHA256 of {@code <id>.<timestamp>.<raw body>} with the signing
 * secret ({@code whsec_} and base64 of the key). The payload is thin: {@code event_type}, {@code resource_url},
 * {@code shop_id}; the mapper fetches the receipt.
 *
 * <ul>
 *   <li>VERIFIED only when one entry equals, in constant time, the HMAC with the current secret, or with the
 *       previous one until {@code previousUntil}, and the timestamp is within five minutes of the injected clock
 *       (a replay later is refused).
 *   <li>The event: account {@code shop_id}, topic {@code event_type}, provider event id {@code webhook-id} (the
 *       same on every retry: the inbox's key), occurred-at the timestamp.
 * </ul>
 */
public final class EtsyWebhooks implements WebhookReader {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Set<String> KEPT = Set.of(ID, TIMESTAMP, SIGNATURE);

  private final byte[] secret;
  private final Optional<byte[]> previous;
  private final Instant previousUntil;
  private final Clock clock;

  private EtsyWebhooks(byte[] secret, Optional<byte[]> previous, Instant previousUntil, Clock clock) {
    this.secret = secret;
    this.previous = previous;
    this.previousUntil = previousUntil;
    this.clock = clock;
  }

  /** Verifying with the endpoint's signing secret ({@code whsec_...}). */
  public static EtsyWebhooks withSecret(String signingSecret, Clock clock) {
    return new EtsyWebhooks(key(signingSecret), Optional.empty(), Instant.MIN, clock);
  }

  /** Verifying with the new secret, and with the previous one until {@code previousUntil}. */
  public static EtsyWebhooks rotating(String signingSecret, String previous, Instant previousUntil, Clock clock) {
    return new EtsyWebhooks(key(signingSecret), Optional.of(key(previous)), previousUntil, clock);
  }

  private static byte[] key(String signingSecret) {
    String s = signingSecret.startsWith("whsec_") ? signingSecret.substring("whsec_".length()) : signingSecret;
    return Base64.getDecoder().decode(s);
  }

  @Override
  public Channel channel() {
    return Channel.ETSY;
  }

  /** The {@code webhook-signature} value for this delivery signed with {@code signingSecret} (tests, fixtures). */
  public static String sign(String signingSecret, String id, String timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(key(signingSecret), id, timestamp, body));
  }

  private static byte[] mac(byte[] key, String id, String timestamp, byte[] body) {
    return Signatures.hmacSha256(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
  }

  /** Whether the three headers sign {@code body} with a secret accepted now, at a time near now. */
  public boolean verifies(String id, String timestamp, String signatures, byte[] body) {
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    Instant at;
    try {
      at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return false;
    }
    Instant now = clock.instant();
    if (at.isBefore(now.minus(TOLERANCE)) || at.isAfter(now.plus(TOLERANCE))) {
      return false;
    }
    List<byte[]> expected = new ArrayList<>();
    expected.add(mac(secret, id, timestamp, body));
    if (previous.isPresent() && now.isBefore(previousUntil)) {
      expected.add(mac(previous.get(), id, timestamp, body));
    }
    boolean match = false;
    for (String entry : signatures.strip().split(" +")) {
      if (!entry.startsWith("v1,")) {
        continue;
      }
      Optional<byte[]> given = Signatures.base64(entry.substring(3));
      for (byte[] e : expected) {
        match |= given.isPresent() && Signatures.same(e, given.get());
      }
    }
    return match;
  }

  @Override
  public ProviderEvent read(Map<String, String> headers, byte[] body, Instant receivedAt) {
    String topic = Deliveries.MISSING;
    String account = Deliveries.MISSING;
    try {
      JsonNode payload = Json.parse(body);
      topic = Json.optText(payload, "event_type", "").map(t -> Deliveries.field(t, 100)).orElse(topic);
      account = Json.optText(payload, "shop_id", "").map(t -> Deliveries.field(t, 120)).orElse(account);
    } catch (PayloadException e) {
      // stored as received; the mapper says why it is not applied
    }
    String id = Optional.ofNullable(headers.get(ID)).map(i -> Deliveries.field(i, 200))
        .orElseGet(() -> Deliveries.bodyId(body));
    Optional<Instant> occurred = Optional.ofNullable(headers.get(TIMESTAMP)).flatMap(t -> {
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t.strip()))).filter(Deliveries::keepable);
      } catch (NumberFormatException | java.time.DateTimeException e) {
        return Optional.empty();
      }
    });
    boolean verified = verifies(headers.get(ID), headers.get(TIMESTAMP), headers.get(SIGNATURE), body);
    return ProviderEvent.builder().provider(Channel.ETSY).account(account).topic(topic).providerEventId(id)
        .receivedAt(receivedAt).occurredAt(occurred).body(body).headers(Deliveries.keep(headers, KEPT))
        .signature(verified ? SignatureVerdict.VERIFIED : SignatureVerdict.UNVERIFIED).build();
  }
}
