package org.resellledger.core.proposal.internal;

import java.util.Optional;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.internal.Orders;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;

/** A proposal's target inside a transaction, and the version a proposal of a given kind depends on. */
final class Targets {
  private Targets() {}

  /** The target read: its item (for an item or a listing), listing, order, and channel. */
  record Resolved(ProposalTarget target, Item item, Listing listing, Order order) {
    Optional<Channel> channel() {
      if (listing != null) {
        return Optional.of(listing.details().channel());
      }
      return order == null ? Optional.empty() : Optional.of(order.channel());
    }
  }

  /** Reads the target; an unknown one is refused UNKNOWN_ITEM, UNKNOWN_LISTING or UNKNOWN_ORDER. */
  static Resolved resolve(Tx tx, ProposalTarget t) {
    return switch (t.type()) {
      case ITEM -> new Resolved(t, Items.item(tx, Sku.of(t.id())), null, null);
      case LISTING -> {
        ListingId id = ListingId.of(t.id());
        Item item = Items.ofListing(tx, id);
        yield new Resolved(t, item, item.listing(id).orElseThrow(), null);
      }
      case ORDER -> new Resolved(t, null, null, Orders.order(tx, OrderId.of(t.id())));
    };
  }

  /**
   * The version of the target that a proposal of {@code kind} depends on. An item's or order's is its
   * stream version. A listing's is what the change rests on, so that a write to a sibling listing (which
   * moves the item's stream) does not move it: quantity kinds rest on the listing's status and the item's
   * available units, a price change on status and price, publishing on status and photo status.
   */
  static String version(ProposalKind kind, Resolved r) {
    return switch (r.target().type()) {
      case ITEM -> "v" + r.item().version();
      case ORDER -> "v" + r.order().version();
      case LISTING -> switch (kind) {
        case SET_LISTING_QUANTITY, END_LISTING, RELIST ->
            r.listing().status() + "|available=" + r.item().available();
        case CHANGE_LISTING_PRICE -> r.listing().status() + "|price=" + r.listing().details().price();
        default -> r.listing().status() + "|photos=" + r.item().details().photoStatus();
      };
    };
  }
}
