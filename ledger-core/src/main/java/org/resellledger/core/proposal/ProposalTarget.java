package org.resellledger.core.proposal;

import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.value.Checks;

/**
 * What a proposal changes: an item (by SKU), a listing or an order, by its id. The version it was drafted
 * against is kept on the proposal ({@link Proposal#targetVersion()}).
 */
public record ProposalTarget(Type type, String id) {
  public ProposalTarget {
    Checks.present("target.type", type);
    id = Checks.text("target.id", id, 64);
  }

  /** The kinds of thing a proposal can change. */
  public enum Type {
    ITEM, LISTING, ORDER
  }

  public static ProposalTarget item(Sku sku) {
    return new ProposalTarget(Type.ITEM, Checks.present("sku", sku).value());
  }

  public static ProposalTarget listing(ListingId listing) {
    return new ProposalTarget(Type.LISTING, Checks.present("listing", listing).value());
  }

  public static ProposalTarget order(OrderId order) {
    return new ProposalTarget(Type.ORDER, Checks.present("order", order).value());
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
