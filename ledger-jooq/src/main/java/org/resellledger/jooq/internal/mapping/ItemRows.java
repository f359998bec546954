package org.resellledger.jooq.internal.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.listing.ChannelView;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.StoredValues;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;

/**
 * An {@link Item} as one row of {@code ledger_items} plus one row of {@code ledger_listings} per listing,
 * numbered in the item's listing order so it reads back in the same order.
 */
public final class ItemRows {
  private static final TypeReference<Map<Bucket, Long>> BALANCES = new TypeReference<>() {};
  private static final ParsedJson<ItemDetails> ITEM_DETAILS =
      new ParsedJson<>(json -> LedgerJson.read(json, ItemDetails.class));
  private static final ParsedJson<ListingDetails> LISTING_DETAILS =
      new ParsedJson<>(json -> LedgerJson.read(json, ListingDetails.class));

  private ItemRows() {}

  /** The rows of one item. */
  public record Rows(LedgerItemsRecord item, List<LedgerListingsRecord> listings) {}

  public static Rows toRows(WorkspaceId workspace, Item item) {
    return new Rows(toRecord(workspace, item), listingRecords(workspace, item, id -> true));
  }

  /** The item's own row, without its listings. */
  public static LedgerItemsRecord toRecord(WorkspaceId workspace, Item item) {
    LedgerItemsRecord r = new LedgerItemsRecord();
    r.setWorkspaceId(workspace.value());
    r.setItemId(item.id().value());
    r.setSku(item.sku().value());
    r.setStatus(item.status().name());
    r.setVersion(item.version());
    r.setLotUnits(item.lotUnits());
    r.setDetails(LedgerJson.write(item.details()));
    r.setBalances(LedgerJson.write(item.balances().asMap()));
    r.setConflicts(ConflictsJson.write(item.conflicts()));
    return r;
  }

  /** The rows of the item's listings that {@code wanted} accepts, each numbered by its place among all. */
  public static List<LedgerListingsRecord> listingRecords(WorkspaceId workspace, Item item,
      Predicate<ListingId> wanted) {
    List<LedgerListingsRecord> listings = new ArrayList<>();
    int position = 0;
    for (Listing listing : item.listings().values()) {
      if (wanted.test(listing.id())) {
        LedgerListingsRecord l = new LedgerListingsRecord();
        l.setWorkspaceId(workspace.value());
        l.setListingId(listing.id().value());
        l.setItemId(item.id().value());
        l.setPosition(position);
        l.setChannel(listing.details().channel().code());
        l.setExternalId(listing.details().externalId().orElse(null));
        l.setStatus(listing.status().name());
        l.setLastError(listing.lastError().orElse(null));
        l.setDetails(LedgerJson.write(listing.details()));
        l.setChannelView(listing.channel().equals(ChannelView.NONE) ? null : LedgerJson.write(listing.channel()));
        listings.add(l);
      }
      position++;
    }
    return listings;
  }

  /** The item from its row and its listing rows, the latter in position order. */
  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static Item toItem(LedgerItemsRecord r, List<LedgerListingsRecord> listingRows) {
    return StoredValues.read(() -> readItem(r, listingRows));
  }

  private static Item readItem(LedgerItemsRecord r, List<LedgerListingsRecord> listingRows) {
    ItemId id = ItemId.of(r.getItemId());
    Map<ListingId, Listing> listings = new LinkedHashMap<>();
    for (LedgerListingsRecord l : listingRows) {
      Listing listing = readListing(l, id);
      listings.put(listing.id(), listing);
    }
    return new Item(
        id,
        readDetails(r),
        ItemStatus.valueOf(r.getStatus()),
        Balances.of(LedgerJson.read(r.getBalances(), BALANCES)),
        listings,
        ConflictsJson.read(r.getConflicts()),
        r.getLotUnits(),
        r.getVersion());
  }

  /** The item's details from its row, as every read of the item gets them. */
  static ItemDetails readDetails(LedgerItemsRecord r) {
    return ITEM_DETAILS.read(r.getDetails());
  }

  static Listing readListing(LedgerListingsRecord l, ItemId item) {
    return new Listing(ListingId.of(l.getListingId()), item, LISTING_DETAILS.read(l.getDetails()),
        SyncStatus.valueOf(l.getStatus()), Optional.ofNullable(l.getLastError()),
        l.getChannelView() == null ? ChannelView.NONE : LedgerJson.read(l.getChannelView(), ChannelView.class));
  }
}
