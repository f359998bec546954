package org.resellledger.core.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.resellledger.core.listing.Channel;

/** Provider events for tests: a Shopify webhook with the headers Shopify sends. */
public final class InboxFixture {
  public static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

  private InboxFixture() {}

  public static ProviderEvent.Builder shopifyBuilder(String topic, String eventId, String body) {
    return ProviderEvent.builder().provider(Channel.SHOPIFY).account("demo.myshopify.com").topic(topic)
        .providerEventId(eventId).deliveryId("wh-" + eventId).receivedAt(AT)
        .body(body.getBytes(StandardCharsets.UTF_8)).putHeaders("X-Shopify-Topic", topic)
        .signature(SignatureVerdict.VERIFIED);
  }

  public static ProviderEvent shopify(String topic, String eventId, String body) {
    return shopifyBuilder(topic, eventId, body).build();
  }
}
