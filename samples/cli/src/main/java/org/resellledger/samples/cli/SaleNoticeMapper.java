package org.resellledger.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.Item;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;

/**
 * The CLI's own webhook file: a sale notice of any channel, until that channel's own mapper (the channel
 * integrations) reads its real payloads. Topic {@value #TOPIC}; body a JSON object:
 * {@code {"order_id": "...", "listing_id": "<the channel's listing id>", "quantity": 1, "price": "89.00",
 * "currency": "USD", "fees": "11.75", "shipping": "0.00"}} (quantity 1, fees and shipping 0 by default).
 *
 * <ul>
 *   <li>A listing id no listing has (by the channel-id map, else the listing's external id) parks the entry,
 *       naming the id, so that a person can match it ({@code resell inbox match}).
 *   <li>A body that is not such a notice, or another topic, is ignored with the reason; never an exception.
 * </ul>
 */
final class SaleNoticeMapper implements ChannelMapper {
  static final String TOPIC = "sale";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Channel channel;
  private final String currency;

  SaleNoticeMapper(Channel channel, String currency) {
    this.channel = channel;
    this.currency = currency;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public Mapping map(ProviderEvent event, ChannelLookup lookup) {
    if (!event.topic().equals(TOPIC)) {
      return new Mapping.Ignore("topic '" + event.topic() + "' is not a sale notice (topic " + TOPIC + ")");
    }
    JsonNode body;
    try {
      body = JSON.readTree(event.body());
    } catch (java.io.IOException e) {
      return new Mapping.Ignore("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Optional<String> order = text(body, "order_id");
    Optional<String> listingId = text(body, "listing_id");
    Optional<String> price = text(body, "price");
    if (order.isEmpty() || listingId.isEmpty() || price.isEmpty()) {
      return new Mapping.Ignore("a sale notice names order_id, listing_id and price");
    }
    ChannelRef ref = ChannelRef.of(channel, ChannelRef.LISTING, listingId.get());
    Optional<Listing> listing = lookup.listing(ref);
    if (listing.isEmpty()) {
      return new Mapping.Unmatched("no listing has " + channel + " listing id " + listingId.get(), List.of(ref));
    }
    try {
      Item item = lookup.itemOf(listing.get());
      String in = text(body, "currency").orElse(currency);
      int quantity = body.path("quantity").asInt(1);
      return Mapping.Apply.of(new RecordChannelSale(channel, order.get(),
          List.of(SaleLine.of(listing.get().id(), item.sku(), quantity, Money.of(price.get(), in))),
          Money.of(text(body, "fees").orElse("0"), in), Money.of(text(body, "shipping").orElse("0"), in),
          OrderStatus.PAID, lookup.origin()));
    } catch (RejectionException e) {
      return new Mapping.Ignore("the notice holds a value the ledger refuses: " + Out.refusal(e));
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode n = body.path(field);
    return n.isValueNode() && !n.asText().isBlank() ? Optional.of(n.asText().strip()) : Optional.empty();
  }
}
