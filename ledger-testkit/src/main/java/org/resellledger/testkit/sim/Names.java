package org.resellledger.testkit.sim;

import java.util.Optional;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * How a step's symbolic names ({@code L3}, {@code O2}) become the ids the ledger gave out in this run. A
 * name whose creating step was refused (or shrunk away) resolves to an id the ledger has never seen, so the
 * step is still sent and refused as unknown: steps never depend on ids drawn at generation time.
 */
interface Names {
  ListingId listing(String name);

  OrderId order(String name);

  /** The item's current details, if it exists, for steps that change one field. */
  Optional<ItemDetails> details(Sku sku);

  /** The listing's current details, if it exists. */
  Optional<ListingDetails> listingDetails(String name);

  /**
   * Every proposal of this run as it stands now, in the order they were drafted (by any step, the ledger's
   * sync rule included), for steps that pick one when they run.
   */
  default java.util.List<org.resellledger.core.proposal.Proposal> proposals() {
    return java.util.List.of();
  }

  /** Every buyer message of this run as it stands now, in the order recorded, for steps that pick one. */
  default java.util.List<org.resellledger.core.message.BuyerMessage> messages() {
    return java.util.List.of();
  }

  /** Every count session of this run as it stands now, in the order opened. */
  default java.util.List<org.resellledger.core.count.CountSession> countSessions() {
    return java.util.List.of();
  }
}
