package org.resellledger.core.listing.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;

/** The named rules about listings. Each throws a {@link RejectionException} saying what, where and why. */
public final class ListingRules {
  private ListingRules() {}

  /** The fields of listing details, in the order their changes are recorded. */
  public static final Map<String, Function<ListingDetails, Object>> FIELDS;

  static {
    Map<String, Function<ListingDetails, Object>> f = new LinkedHashMap<>();
    f.put("channel", ListingDetails::channel);
    f.put("externalId", ListingDetails::externalId);
    f.put("url", ListingDetails::url);
    f.put("title", ListingDetails::title);
    f.put("description", ListingDetails::description);
    f.put("price", ListingDetails::price);
    f.put("shippingProfile", ListingDetails::shippingProfile);
    f.put("listedQuantity", ListingDetails::listedQuantity);
    FIELDS = Collections.unmodifiableMap(f);
  }

  static void listingMove(SyncStatus from, SyncStatus to, Object listing) {
    if (!from.canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_LISTING_STATUS_TRANSITION, "status", to,
          "listing " + listing + " cannot move from " + from + " to " + to + "; allowed: " + from.next());
    }
  }

  /** Whether publishing the item needs photos it lacks: worth more than the threshold, photos not complete. */
  public static boolean lacksPhotosForPublishing(Item item, LedgerConfig config) {
    if (item.details().photoStatus() == PhotoStatus.COMPLETE) {
      return false;
    }
    Money value = item.details().value();
    return config.photoThreshold(value.currency()).map(t -> value.compareTo(t) > 0).orElse(true);
  }

  /** Publishing an item worth more than the threshold needs complete photos. */
  static void photosForPublishing(Item item, LedgerConfig config) {
    if (lacksPhotosForPublishing(item, config)) {
      Money value = item.details().value();
      throw new RejectionException(RejectionCode.PHOTOS_REQUIRED, "photoStatus", item.details().photoStatus(),
          "SKU " + item.sku() + " is worth " + value + ", above the threshold "
              + config.photoThreshold(value.currency()).map(Money::toString).orElse("(none for " + value.currency() + ")")
              + "; it can go live only with COMPLETE photos");
    }
  }

  /** No other listing on the channel has this external id. */
  static void requireFreeExternalId(Tx tx, ListingDetails details, ListingId self) {
    if (details.externalId().isPresent()) {
      Optional<ListingId> owner = listingWithExternalId(tx, details.channel(), details.externalId().get());
      if (owner.isPresent() && !owner.get().equals(self)) {
        throw new RejectionException(RejectionCode.DUPLICATE_EXTERNAL_ID, "externalId", details.externalId().get(),
            "listing " + owner.get() + " on " + details.channel() + " already has this external id");
      }
    }
  }

  /**
   * The listing that has this external id on this channel: one of this transaction's items first, then
   * (unless keys are trusted) the store. An id a listing gives up in this transaction stays taken until that
   * is committed: the store's unique key holds it until then.
   */
  private static Optional<ListingId> listingWithExternalId(Tx tx, Channel channel, String externalId) {
    for (Item i : tx.held(StreamId.Kind.ITEM, Item.class)) {
      for (Listing l : i.listings().values()) {
        if (l.details().channel().equals(channel) && l.details().externalId().filter(externalId::equals).isPresent()) {
          return Optional.of(l.id());
        }
      }
    }
    return tx.trustKeys() ? Optional.empty() : tx.store().listingByExternalId(tx.workspace(), channel, externalId);
  }
}
