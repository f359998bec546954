package org.resellledger.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.resellledger.core.item.Condition;
import org.resellledger.core.listing.Channel;

/**
 * eBay's active listings report (Seller Hub, Reports, Active listings), as eBay writes it: one row per listing,
 * or per variation of a listing with variations. Each row is an item (SKU = Custom label (SKU)) and its eBay
 * listing.
 *
 * <ul>
 *   <li>item: title = Title, and the Variation details when given; category = eBay category 1 name;
 *       condition = Condition, read from eBay's words (New with tags, Pre-owned - Excellent, For parts or not
 *       working...; a bare "Used" or "Pre-owned" says no grade, so the default condition is used, and the
 *       row says why); quantity = Available quantity; photos COMPLETE (a live eBay listing shows its
 *       photos; a default photo_status overrides). Cost basis, acquired date and location are not in the
 *       report: defaults.
 *   <li>listing on {@code ebay}, LIVE: external id = Item number (for a single-SKU listing; the variations of
 *       one listing share its number, so theirs is left out), title, price = Current price (a leading
 *       currency sign is dropped), currency = Currency, listed quantity = Available quantity.
 * </ul>
 */
final class EbayProfile extends Profile {
  static final EbayProfile INSTANCE = new EbayProfile();

  static final Column ITEM_NUMBER = Column.of("Item number");
  static final Column TITLE = Column.of("Title");
  static final Column VARIATION = Column.of("Variation details");
  static final Column SKU = Column.of("Custom label (SKU)");
  static final Column AVAILABLE = Column.of("Available quantity");
  static final Column FORMAT = Column.of("Format");
  static final Column CURRENCY = Column.of("Currency");
  static final Column START_PRICE = Column.of("Start price");
  static final Column CURRENT_PRICE = Column.of("Current price");
  static final Column START_DATE = Column.of("Start date");
  static final Column CATEGORY = Column.of("eBay category 1 name");
  static final Column CONDITION = Column.of("Condition");
  private static final List<Column> COLUMNS = List.of(ITEM_NUMBER, TITLE, VARIATION, SKU, AVAILABLE, FORMAT,
      CURRENCY, START_PRICE, Column.of("Auction Buy It Now price"), Column.of("Reserve price"), CURRENT_PRICE,
      Column.of("Sold quantity"), Column.of("Watchers"), Column.of("Bids"), START_DATE, Column.of("End date"),
      CATEGORY, Column.of("eBay category 1 number"), Column.of("eBay category 2 name"),
      Column.of("eBay category 2 number"), CONDITION, Column.of("Listing site"), Column.of("P:UPC"),
      Column.of("P:EAN"), Column.of("P:ISBN"), Column.of("P:EPID"), Column.of("P:MPN"));

  private static final Map<Column, Column> ITEM_SOURCES = Map.of(ItemCsv.SKU, SKU, ItemCsv.TITLE, TITLE,
      ItemCsv.CATEGORY, CATEGORY, ItemCsv.CONDITION, CONDITION, ItemCsv.QUANTITY, AVAILABLE,
      ItemCsv.CURRENCY, CURRENCY);
  private static final Map<Column, Column> LISTING_SOURCES = Map.of(ListingCsv.SKU, SKU,
      ListingCsv.EXTERNAL_ID, ITEM_NUMBER, ListingCsv.TITLE, TITLE, ListingCsv.PRICE, CURRENT_PRICE,
      ListingCsv.CURRENCY, CURRENCY, ListingCsv.LISTED_QUANTITY, AVAILABLE);

  /** eBay's condition words (lower case) and ours; a bare Used or Pre-owned has no grade. */
  private static final Map<String, Condition> CONDITIONS = Map.ofEntries(
      Map.entry("new", Condition.NEW_IN_BOX), Map.entry("brand new", Condition.NEW_IN_BOX),
      Map.entry("new with box", Condition.NEW_IN_BOX), Map.entry("new with tags", Condition.NEW_WITH_TAGS),
      Map.entry("new without tags", Condition.NEW_WITHOUT_TAGS),
      Map.entry("new without box", Condition.NEW_OPEN_BOX), Map.entry("new other (see details)",
          Condition.NEW_OPEN_BOX), Map.entry("new other", Condition.NEW_OPEN_BOX),
      Map.entry("new with defects", Condition.NEW_OPEN_BOX), Map.entry("open box", Condition.NEW_OPEN_BOX),
      Map.entry("like new", Condition.LIKE_NEW), Map.entry("excellent", Condition.EXCELLENT),
      Map.entry("very good", Condition.VERY_GOOD), Map.entry("good", Condition.GOOD),
      Map.entry("fair", Condition.ACCEPTABLE), Map.entry("acceptable", Condition.ACCEPTABLE),
      Map.entry("for parts or not working", Condition.FOR_PARTS), Map.entry("for parts", Condition.FOR_PARTS));

  private EbayProfile() {}

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Column> required() {
    return List.of(ITEM_NUMBER, TITLE, SKU, CURRENT_PRICE);
  }

  @Override
  Map<Column, Column> itemSources() {
    return ITEM_SOURCES;
  }

  @Override
  Map<Column, Column> listingSources() {
    return LISTING_SOURCES;
  }

  @Override
  UnaryOperator<Row> reader(ImportRequest request) {
    return row -> {
      Map<Column, String> item = new LinkedHashMap<>();
      Map<String, String> notes = new LinkedHashMap<>();
      String sku = text(row, SKU);
      String variation = text(row, VARIATION);
      String title = text(row, TITLE) + (variation.isEmpty() ? "" : " - " + variation);
      item.put(ItemCsv.SKU, sku);
      item.put(ItemCsv.TITLE, title);
      item.put(ItemCsv.CATEGORY, text(row, CATEGORY).isEmpty() ? "" : category(text(row, CATEGORY)));
      String said = text(row, CONDITION);
      Condition condition = condition(said);
      if (condition != null) {
        item.put(ItemCsv.CONDITION, condition.name());
      } else if (!said.isEmpty() && !request.defaults().containsKey(ItemCsv.CONDITION.name())) {
        item.put(ItemCsv.CONDITION, said); // the lane says it is not a condition, with the ones there are
      } else if (!said.isEmpty()) {
        notes.put(ItemCsv.CONDITION.name(), "eBay's '" + said + "' has no grade");
      }
      item.put(ItemCsv.CURRENCY, text(row, CURRENCY));
      item.put(ItemCsv.QUANTITY, text(row, AVAILABLE));
      item.put(ItemCsv.PHOTO_STATUS, request.defaults().containsKey(ItemCsv.PHOTO_STATUS.name()) ? "" : "COMPLETE");
      Map<Column, String> listing = new LinkedHashMap<>();
      listing.put(ListingCsv.SKU, sku);
      listing.put(ListingCsv.CHANNEL, Channel.EBAY.code());
      listing.put(ListingCsv.EXTERNAL_ID, variation.isEmpty() ? text(row, ITEM_NUMBER) : "");
      listing.put(ListingCsv.TITLE, title);
      listing.put(ListingCsv.PRICE, price(text(row, CURRENT_PRICE)));
      listing.put(ListingCsv.CURRENCY, text(row, CURRENCY));
      listing.put(ListingCsv.LISTED_QUANTITY, text(row, AVAILABLE));
      listing.put(ListingCsv.SYNC_STATUS, "LIVE");
      return new ProfileRow(row.number, this, sku.isEmpty() ? text(row, ITEM_NUMBER) : sku, item, listing,
          List.of(), request.defaults(), notes);
    };
  }

  /** Ours for eBay's words; null when they name no grade (Used, Pre-owned) or are not eBay's. */
  static Condition condition(String ebay) {
    String s = ebay.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (String prefix : List.of("pre-owned - ", "pre-owned: ", "used - ", "used: ")) {
      if (s.startsWith(prefix)) {
        s = s.substring(prefix.length());
      }
    }
    s = s.replace(" - refurbished", "");
    return CONDITIONS.get(s);
  }

  /** eBay may write a currency sign before the amount; the currency is in its own column. */
  static String price(String text) {
    String s = text.strip();
    for (String sign : List.of("US $", "US$", "$", "£", "€", "C $", "AU $")) {
      if (s.startsWith(sign)) {
        return s.substring(sign.length()).strip();
      }
    }
    return s;
  }
}
