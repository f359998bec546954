package org.resellledger.core.item.internal;

import java.util.Optional;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.item.ItemFact.*;
import org.resellledger.core.listing.ListingFact.*;
import org.resellledger.core.order.OrderItemFact.*;
import org.resellledger.core.listing.SyncStatus;

/**
 * The inventory status a fact implies, if any. The ledger records the move as its own status event, caused
 * by the fact, and only when the item's transition table allows it: a fact is never refused because of the
 * workflow status, and the status never leaves its table.
 */
public final class StatusRules {
  private StatusRules() {}

  public static Optional<ItemStatus> follow(Item after, EventPayload fact) {
    if (fact instanceof ReturnReceived) {
      return Optional.of(ItemStatus.NEEDS_INSPECTION);
    }
    if (fact instanceof ItemConsigned) {
      return Optional.of(ItemStatus.CONSIGNED);
    }
    boolean nowLive = fact instanceof ListingStatusChanged c && c.to() == SyncStatus.LIVE
        || fact instanceof ListingCreated c2 && c2.status() == SyncStatus.LIVE;
    if (nowLive && after.available() > 0) {
      return Optional.of(ItemStatus.LISTED);
    }
    if (fact instanceof ItemFieldsChanged && after.status() == ItemStatus.NEEDS_PHOTOS
        && after.details().photoStatus() == PhotoStatus.COMPLETE) {
      return Optional.of(ItemStatus.READY_TO_LIST);
    }
    long available = after.available();
    if (after.status() == ItemStatus.NEEDS_INSPECTION && after.balances().get(Bucket.INSPECTION) == 0) {
      if (available > 0) {
        return Optional.of(sellable(after));
      }
      return after.balances().get(Bucket.DAMAGED) > 0 ? Optional.of(ItemStatus.DAMAGED) : Optional.empty();
    }
    boolean sale = fact instanceof ChannelSaleRecorded || fact instanceof LocalSaleRecorded
        || fact instanceof org.resellledger.core.order.OrderItemFact.SubstituteCommitted;
    if (sale && available == 0) {
      return Optional.of(ItemStatus.SOLD);
    }
    if ((fact instanceof UnitsDamaged || fact instanceof UnitsLost) && available == 0
        && after.balances().get(Bucket.COMMITTED) == 0 && after.balances().get(Bucket.HELD) == 0) {
      return Optional.of(fact instanceof UnitsDamaged ? ItemStatus.DAMAGED : ItemStatus.LOST);
    }
    if (available > 0 && (after.status() == ItemStatus.SOLD || after.status() == ItemStatus.LISTED)) {
      return Optional.of(sellable(after));
    }
    return Optional.empty();
  }

  private static ItemStatus sellable(Item item) {
    return item.hasLiveListing() ? ItemStatus.LISTED : ItemStatus.READY_TO_LIST;
  }
}
