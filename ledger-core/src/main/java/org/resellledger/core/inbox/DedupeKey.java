package org.resellledger.core.inbox;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * The key under which an inbox keeps a provider event once: every redelivery of it carries the same key,
 * and two different facts never share one. Chosen per provider from what the provider documents:
 *
 * <ul>
 *   <li><b>shopify</b>: shop domain + topic + {@code X-Shopify-Event-Id}. The event id is shared by every
 *       webhook one merchant action produces, across topics ({@code orders/updated} and {@code
 *       orders/paid} of one action carry the same one), so topic and shop are part of the key; the
 *       {@code X-Shopify-Webhook-Id} differs per delivery and is not.
 *   <li><b>ebay</b>: the notification's {@code notificationId}, which eBay keeps across its retries.
 *   <li><b>etsy</b>: the {@code webhook-id} header, the same on every retry of one message.
 *   <li>any other provider: provider + account + provider event id.
 * </ul>
 *
 * The parts are joined with U+001F (unit separator), which no part may hold (control characters are
 * refused at the door), so two different part lists never make the same key.
 */
public record DedupeKey(String value) {
  private static final String SEPARATOR = "\u001F";

  public DedupeKey {
    Checks.present("dedupeKey", value);
    if (value.isEmpty() || value.length() > 600) {
      throw org.resellledger.core.RejectionException.invalid("dedupeKey", value.length(), "1-600 characters");
    }
  }

  /** The key of this event, by its provider's rule. */
  public static DedupeKey of(ProviderEvent e) {
    String provider = e.provider().code();
    Stream<String> parts;
    if (e.provider().equals(Channel.SHOPIFY)) {
      parts = Stream.of(provider, e.account(), e.topic(), e.providerEventId());
    } else if (e.provider().equals(Channel.EBAY) || e.provider().equals(Channel.ETSY)) {
      parts = Stream.of(provider, e.providerEventId());
    } else {
      parts = Stream.of(provider, e.account(), e.providerEventId());
    }
    return new DedupeKey(parts.collect(Collectors.joining(SEPARATOR)));
  }

  @Override
  public String toString() {
    return value.replace(SEPARATOR, " | ");
  }
}
