package org.resellledger.core.channel;

import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.order.Order;
import org.resellledger.core.value.Checks;

/**
 * What a {@link ChannelMapper} may read while it maps one inbox entry: the ledger, the channel-id map, and
 * the origin its commands carry. Reads only; a mapper never writes.
 */
public final class ChannelLookup {
  private final Ledger ledger;
  private final ChannelLinkStore links;
  private final InboxEntry entry;

  ChannelLookup(Ledger ledger, ChannelLinkStore links, InboxEntry entry) {
    this.ledger = Checks.present("ledger", ledger);
    this.links = Checks.present("links", links);
    this.entry = Checks.present("entry", entry);
  }

  public Ledger ledger() {
    return ledger;
  }

  /**
   * The listing {@code ref} stands for: the one the channel-id map links it to, else, for a ref of kind
   * {@link ChannelRef#LISTING}, the listing of that channel whose external id it is.
   */
  public Optional<Listing> listing(ChannelRef ref) {
    return listing(ledger, links, ref);
  }

  /** The listing {@code ref} stands for in {@code ledger}'s workspace, as {@link #listing(ChannelRef)}. */
  static Optional<Listing> listing(Ledger ledger, ChannelLinkStore links, ChannelRef ref) {
    Checks.present("ref", ref);
    Optional<ChannelLink> link = links.linkOf(ledger.workspace(), ref);
    if (link.isPresent()) {
      return ledger.listing(link.get().listing());
    }
    return ChannelRef.LISTING.equals(ref.kind()) ? ledger.listingByExternalId(ref.channel(), ref.id())
        : Optional.empty();
  }

  /** The first of {@code refs} that stands for a listing, as {@link #listing(ChannelRef)}. */
  public Optional<Listing> listing(java.util.List<ChannelRef> refs) {
    return refs.stream().map(this::listing).flatMap(Optional::stream).findFirst();
  }

  public Optional<Item> item(Sku sku) {
    return ledger.item(sku);
  }

  /** The item a listing belongs to. */
  public Item itemOf(Listing listing) {
    return ledger.itemOfListing(listing.id()).orElseThrow();
  }

  public Optional<Order> order(Channel channel, String externalOrderId) {
    return ledger.orderByExternalId(channel, externalOrderId);
  }

  /**
   * The origin of the commands mapped from this entry: the lane, the channel as actor, the provider's
   * occurred-at (else received-at), and the inbox entry as causation ({@code inbox:<entry id>}), which
   * ties every event it makes to the provider event kept as received.
   */
  public Origin origin(Source lane) {
    var e = entry.event();
    return new Origin(Checks.present("lane", lane), Actor.channel(e.provider().code()),
        Optional.of(e.occurredAt().orElse(e.receivedAt())), Optional.empty(), Optional.empty(),
        Optional.of(InboxProcessor.causation(entry.id())));
  }

  /** {@link #origin(Source)} through {@link Source#WEBHOOK}. */
  public Origin origin() {
    return origin(Source.WEBHOOK);
  }
}
