package org.resellledger.samples.channels.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
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
 * eBay Notification API deliveries read and verified. The body is the envelope {@code {metadata:{topic,
 * schemaVersion}, notification:{notificationId, eventDate, publishDate, publishAttemptCount, data}}};
 * {@code X-EBAY-SIGNATURE} is base64 of {@code {"alg":"ECDSA","kid":...,"signature":...,"digest":"SHA1"}}, the
 * signature an ECDSA signature (DER, base64) of the raw body by the key eBay publishes under {@code kid}.
 *
 * <ul>
 *   <li>VERIFIED only when the header decodes, names ECDSA, a digest of SHA1 or SHA256 and a key the
 *       {@link EbayPublicKeys} find, and the signature verifies over the exact bytes received.
 *   <li>The event: account as configured (the seller this endpoint serves), topic {@code metadata.topic},
 *       provider event id {@code notification.notificationId} (kept across eBay's retries: the inbox's key),
 *       occurred-at {@code notification.eventDate}. An unreadable envelope still makes an event (its topic and id
 *       placeholders), which the mapper ignores with the reason.
 * </ul>
 */
public final class EbayNotifications implements WebhookReader {
  public static final String SIGNATURE = "x-ebay-signature";
  private static final Set<String> KEPT = Set.of(SIGNATURE);

  private final String account;
  private final EbayPublicKeys keys;

  public EbayNotifications(String account, EbayPublicKeys keys) {
    this.account = Deliveries.field(account, 120);
    this.keys = keys;
  }

  @Override
  public Channel channel() {
    return Channel.EBAY;
  }

  /** The {@code X-EBAY-SIGNATURE} value for {@code body} signed with {@code key} under {@code kid} (tests, fixtures). */
  public static String sign(PrivateKey key, String kid, byte[] body) {
    try {
      Signature s = Signature.getInstance("SHA1withECDSA");
      s.initSign(key);
      s.update(body);
      String json = Json.write(Map.of("alg", "ECDSA", "kid", kid,
          "signature", Base64.getEncoder().encodeToString(s.sign()), "digest", "SHA1"));
      return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code header} is a valid eBay signature of {@code body}. */
  public boolean verifies(String header, byte[] body) {
    Optional<byte[]> decoded = Signatures.base64(header);
    if (decoded.isEmpty()) {
      return false;
    }
    try {
      JsonNode h = Json.parse(decoded.get());
      if (!"ECDSA".equals(Json.text(h, "alg", "").toUpperCase(Locale.ROOT))) {
        return false;
      }
      String algorithm = switch (Json.optText(h, "digest", "").orElse("SHA1").toUpperCase(Locale.ROOT)) {
        case "SHA1" -> "SHA1withECDSA";
        case "SHA256" -> "SHA256withECDSA";
        default -> null;
      };
      Optional<byte[]> signature = Signatures.base64(Json.text(h, "signature", ""));
      if (algorithm == null || signature.isEmpty()) {
        return false;
      }
      Optional<PublicKey> key = keys.key(Json.text(h, "kid", ""));
      if (key.isEmpty()) {
        return false;
      }
      Signature s = Signature.getInstance(algorithm);
      s.initVerify(key.get());
      s.update(body);
      return s.verify(signature.get());
    } catch (PayloadException | GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public ProviderEvent read(Map<String, String> headers, byte[] body, Instant receivedAt) {
    String topic = Deliveries.MISSING;
    String id = Deliveries.bodyId(body);
    Optional<Instant> occurred = Optional.empty();
    try {
      JsonNode envelope = Json.parse(body);
      Optional<JsonNode> metadata = Json.optObject(envelope, "metadata", "");
      Optional<JsonNode> notification = Json.optObject(envelope, "notification", "");
      topic = metadata.flatMap(m -> Json.optText(m, "topic", "metadata")).map(t -> Deliveries.field(t, 100))
          .orElse(topic);
      id = notification.flatMap(n -> Json.optText(n, "notificationId", "notification"))
          .map(t -> Deliveries.field(t, 200)).orElse(id);
      occurred = notification.flatMap(n -> Json.optText(n, "eventDate", "notification")).flatMap(Deliveries::instant);
    } catch (PayloadException e) {
      // stored as received; the mapper says why it is not applied
    }
    return ProviderEvent.builder().provider(Channel.EBAY).account(account).topic(topic).providerEventId(id)
        .receivedAt(receivedAt).occurredAt(occurred).body(body).headers(Deliveries.keep(headers, KEPT))
        .signature(verifies(headers.get(SIGNATURE), body) ? SignatureVerdict.VERIFIED : SignatureVerdict.UNVERIFIED)
        .build();
  }
}
