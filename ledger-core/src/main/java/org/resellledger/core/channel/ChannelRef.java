package org.resellledger.core.channel;

import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * A channel's own id of something a listing stands for: a Shopify variant or inventory item, an eBay
 * legacy item id or SKU, an Etsy listing or product. {@code kind} says which id it is, in the channel's
 * words (1-40 of {@code a-z 0-9 _}); {@code id} is the channel's value (1-100 characters).
 *
 * <p>{@link #LISTING} is the channel's id of the listing itself, which is the listing's {@code externalId}:
 * a ref of that kind matches a listing without an explicit link.
 */
public record ChannelRef(Channel channel, String kind, String id) {
  /** The kind that is the listing's own external id on its channel. */
  public static final String LISTING = "listing";

  public ChannelRef {
    Checks.present("channel", channel);
    kind = Checks.text("kind", kind, 40);
    if (!kind.matches("[a-z0-9_]{1,40}")) {
      throw org.resellledger.core.RejectionException.invalid("kind", kind, "1-40 of a-z, 0-9 and _");
    }
    id = Checks.text("channelId", id, 100);
  }

  public static ChannelRef of(Channel channel, String kind, String id) {
    return new ChannelRef(channel, kind, id);
  }

  @Override
  public String toString() {
    return channel + " " + kind + " " + id;
  }
}
