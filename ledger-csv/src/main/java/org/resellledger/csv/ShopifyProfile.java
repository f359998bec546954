package org.resellledger.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.resellledger.core.listing.Channel;

/**
 * Shopify's products export, as Shopify writes it: one row per variant, the product's own fields on its first
 * row (the one with a Title), continuation rows of the same Handle with a blank Title carrying further
 * variants or extra images. Each variant is an item (SKU = Variant SKU) and its Shopify listing.
 *
 * <ul>
 *   <li>item: title = Title, and the variant's option values when the product has options other than
 *       Shopify's single "Default Title"; category = Product Category, else Type; brand = Vendor; quantity
 *       = Variant Inventory Qty; cost basis = Cost per item x that quantity (what was paid for all units);
 *       photos COMPLETE when the product or variant has an image, NONE when not; specifics = the options
 *       (name=value) and Variant Grams as {@code weight_g}; estimated value = Variant Compare At Price;
 *       target price = Variant Price; notes = the Tags. Condition, currency, acquired date and location are not
 *       in the export: defaults.
 *   <li>listing on {@code shopify}: title and description (Body (HTML), as it is), price = Variant Price,
 *       listed quantity = Variant Inventory Qty; LIVE when Status is active (or, in exports without a
 *       Status, Published is TRUE) and Published is not FALSE, DRAFT when draft or unpublished; an archived
 *       product's variants get no listing.
 *   <li>a continuation row with no variant cell is an image row: nothing of its own (UNCHANGED).
 * </ul>
 */
final class ShopifyProfile extends Profile {
  static final ShopifyProfile INSTANCE = new ShopifyProfile();

  static final Column HANDLE = Column.of("Handle");
  static final Column TITLE = Column.of("Title");
  static final Column BODY = Column.of("Body (HTML)");
  static final Column VENDOR = Column.of("Vendor");
  static final Column PRODUCT_CATEGORY = Column.of("Product Category");
  static final Column TYPE = Column.of("Type");
  static final Column TAGS = Column.of("Tags");
  static final Column PUBLISHED = Column.of("Published");
  static final Column[] OPTION_NAME = {Column.of("Option1 Name"), Column.of("Option2 Name"),
      Column.of("Option3 Name")};
  static final Column[] OPTION_VALUE = {Column.of("Option1 Value"), Column.of("Option2 Value"),
      Column.of("Option3 Value")};
  static final Column VARIANT_SKU = Column.of("Variant SKU");
  static final Column VARIANT_GRAMS = Column.of("Variant Grams");
  static final Column VARIANT_QTY = Column.of("Variant Inventory Qty");
  static final Column VARIANT_PRICE = Column.of("Variant Price");
  static final Column COMPARE_AT = Column.of("Variant Compare At Price");
  static final Column IMAGE_SRC = Column.of("Image Src");
  static final Column VARIANT_IMAGE = Column.of("Variant Image");
  static final Column COST = Column.of("Cost per item");
  static final Column STATUS = Column.of("Status");
  /** Columns of Shopify's export this profile reads nothing from (known, so not warned about). */
  private static final List<Column> UNUSED = List.of(Column.of("Published Scope"), Column.of("Image Position"),
      Column.of("Image Alt Text"), Column.of("Gift Card"), Column.of("SEO Title"), Column.of("SEO Description"),
      Column.of("Variant Barcode"), Column.of("Variant Weight Unit"), Column.of("Variant Inventory Tracker"),
      Column.of("Variant Inventory Policy"), Column.of("Variant Fulfillment Service"),
      Column.of("Variant Requires Shipping"), Column.of("Variant Taxable"), Column.of("Variant Tax Code"),
      Column.of("Option1 Linked To"), Column.of("Option2 Linked To"), Column.of("Option3 Linked To"));

  private static final List<Column> COLUMNS;

  static {
    List<Column> all = new ArrayList<>(List.of(HANDLE, TITLE, BODY, VENDOR, PRODUCT_CATEGORY, TYPE, TAGS, PUBLISHED,
        OPTION_NAME[0], OPTION_VALUE[0], OPTION_NAME[1], OPTION_VALUE[1], OPTION_NAME[2], OPTION_VALUE[2],
        VARIANT_SKU, VARIANT_GRAMS, VARIANT_QTY, VARIANT_PRICE, COMPARE_AT, IMAGE_SRC, VARIANT_IMAGE, COST, STATUS));
    all.addAll(UNUSED);
    COLUMNS = List.copyOf(all);
  }

  private static final Map<Column, Column> ITEM_SOURCES = Map.ofEntries(
      Map.entry(ItemCsv.SKU, VARIANT_SKU), Map.entry(ItemCsv.TITLE, TITLE),
      Map.entry(ItemCsv.CATEGORY, PRODUCT_CATEGORY), Map.entry(ItemCsv.BRAND, VENDOR),
      Map.entry(ItemCsv.QUANTITY, VARIANT_QTY), Map.entry(ItemCsv.COST_BASIS, COST),
      Map.entry(ItemCsv.PHOTO_STATUS, IMAGE_SRC), Map.entry(ItemCsv.SPECIFICS, OPTION_VALUE[0]),
      Map.entry(ItemCsv.ESTIMATED_VALUE, COMPARE_AT), Map.entry(ItemCsv.TARGET_PRICE, VARIANT_PRICE),
      Map.entry(ItemCsv.NOTES, TAGS));
  private static final Map<Column, Column> LISTING_SOURCES = Map.of(
      ListingCsv.SKU, VARIANT_SKU, ListingCsv.TITLE, TITLE, ListingCsv.DESCRIPTION, BODY,
      ListingCsv.PRICE, VARIANT_PRICE, ListingCsv.LISTED_QUANTITY, VARIANT_QTY, ListingCsv.SYNC_STATUS, STATUS);

  private ShopifyProfile() {}

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Column> required() {
    return List.of(HANDLE, TITLE, VARIANT_SKU, VARIANT_PRICE);
  }

  @Override
  Map<Column, Column> itemSources() {
    return ITEM_SOURCES;
  }

  @Override
  Map<Column, Column> listingSources() {
    return LISTING_SOURCES;
  }

  /** The product-level cells of a handle's first row. */
  private record Product(String handle, Row first) {}

  @Override
  UnaryOperator<Row> reader(ImportRequest request) {
    Product[] current = {null};
    return row -> {
      String handle = text(row, HANDLE);
      String title = text(row, TITLE);
      if (!title.isEmpty()) {
        current[0] = new Product(handle, row);
      }
      Product product = current[0];
      boolean continuation = title.isEmpty();
      boolean variant = !continuation || hasVariantCells(row);
      String key = handle.isEmpty() ? "(no handle)" : handle;
      if (handle.isEmpty()) {
        return new ProfileRow(row.number, this, key, null, null, List.of(RowError.of(row.number, HANDLE.name(),
            null, ImportErrorCode.REQUIRED, "every row of a Shopify export names its product's Handle")),
            request.defaults(), Map.of());
      }
      if (continuation && (product == null || !product.handle().equals(handle))) {
        return new ProfileRow(row.number, this, key, null, null, List.of(RowError.of(row.number, TITLE.name(),
            null, ImportErrorCode.REQUIRED, "the first row of handle '" + handle + "' has no Title; a row with a "
                + "blank Title continues the product of the rows above it")), request.defaults(), Map.of());
      }
      if (!variant) {
        return new ProfileRow(row.number, this, key + " (image)", null, null, List.of(), request.defaults(),
            Map.of());
      }
      return variantRow(row, product.first(), key, request);
    };
  }

  private static boolean hasVariantCells(Row row) {
    for (Column c : List.of(VARIANT_SKU, VARIANT_PRICE, VARIANT_QTY, VARIANT_GRAMS, COST, COMPARE_AT,
        OPTION_VALUE[0], OPTION_VALUE[1], OPTION_VALUE[2])) {
      if (!text(row, c).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private ProfileRow variantRow(Row row, Row first, String handle, ImportRequest request) {
    Map<Column, String> item = new LinkedHashMap<>();
    String sku = text(row, VARIANT_SKU);
    item.put(ItemCsv.SKU, sku);
    // the product's options, named on its first row, valued on each variant's
    Map<String, String> specifics = new LinkedHashMap<>();
    List<String> values = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      String name = text(first, OPTION_NAME[k]);
      String value = text(row, OPTION_VALUE[k]);
      if (!value.isEmpty() && !(name.equalsIgnoreCase("Title") && value.equalsIgnoreCase("Default Title"))) {
        specifics.put(name.isEmpty() ? "option" + (k + 1) : name, value);
        values.add(value);
      }
    }
    String grams = text(row, VARIANT_GRAMS);
    if (!grams.isEmpty() && !grams.equals("0") && !grams.equals("0.0")) {
      specifics.put("weight_g", grams);
    }
    String title = text(first, TITLE) + (values.isEmpty() ? "" : " - " + String.join(" / ", values));
    item.put(ItemCsv.TITLE, title);
    String category = text(first, PRODUCT_CATEGORY).isEmpty() ? text(first, TYPE) : text(first, PRODUCT_CATEGORY);
    item.put(ItemCsv.CATEGORY, category.isEmpty() ? "" : category(category));
    item.put(ItemCsv.BRAND, text(first, VENDOR));
    String qty = text(row, VARIANT_QTY);
    item.put(ItemCsv.QUANTITY, qty);
    item.put(ItemCsv.COST_BASIS, costBasis(text(row, COST), qty));
    boolean images = !text(first, IMAGE_SRC).isEmpty() || !text(row, IMAGE_SRC).isEmpty()
        || !text(row, VARIANT_IMAGE).isEmpty();
    item.put(ItemCsv.PHOTO_STATUS, images ? "COMPLETE" : "NONE");
    item.put(ItemCsv.SPECIFICS, specifics.isEmpty() ? "" : Values.specifics(specifics));
    item.put(ItemCsv.ESTIMATED_VALUE, text(row, COMPARE_AT));
    item.put(ItemCsv.TARGET_PRICE, text(row, VARIANT_PRICE));
    item.put(ItemCsv.NOTES, text(first, TAGS).isEmpty() ? "" : "Shopify tags: " + text(first, TAGS));

    String status = text(first, STATUS).toLowerCase(Locale.ROOT);
    String published = text(first, PUBLISHED).toLowerCase(Locale.ROOT);
    Map<Column, String> listing = null;
    if (!status.equals("archived")) {
      boolean live = status.isEmpty() ? published.equals("true")
          : status.equals("active") && !published.equals("false");
      listing = new LinkedHashMap<>();
      listing.put(ListingCsv.SKU, sku);
      listing.put(ListingCsv.CHANNEL, Channel.SHOPIFY.code());
      listing.put(ListingCsv.TITLE, title);
      listing.put(ListingCsv.DESCRIPTION, text(first, BODY));
      listing.put(ListingCsv.PRICE, text(row, VARIANT_PRICE));
      listing.put(ListingCsv.LISTED_QUANTITY, qty);
      listing.put(ListingCsv.SYNC_STATUS, live ? "LIVE" : "DRAFT");
    }
    return new ProfileRow(row.number, this, sku.isEmpty() ? handle : sku, item, listing, List.of(),
        request.defaults(), Map.of());
  }

  /**
   * Cost per item times the units, in the cell syntax: what was paid for all of them. A cost or quantity that
   * is not a plain number is passed on as it is, so that the native lane reports it in its column.
   */
  static String costBasis(String perItem, String quantity) {
    if (perItem.isEmpty()) {
      return "";
    }
    if (!perItem.matches("\\d+(\\.\\d+)?") || !(quantity.isEmpty() || quantity.matches("\\d{1,9}"))) {
      return perItem;
    }
    try {
      BigDecimal cost = new BigDecimal(perItem);
      int units = Integer.parseInt(quantity.isEmpty() ? "1" : quantity);
      if (cost.signum() < 0 || units < 0) {
        return perItem;
      }
      return cost.multiply(BigDecimal.valueOf(units)).toPlainString();
    } catch (NumberFormatException e) {
      return perItem;
    }
  }
}
