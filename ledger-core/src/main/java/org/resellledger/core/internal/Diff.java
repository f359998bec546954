package org.resellledger.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.listing.ListingDetails;

/** Field-by-field differences between two versions of details, as before/after text. */
final class Diff {
  private Diff() {}

  private static final Map<String, Function<ItemDetails, Object>> ITEM_FIELDS = new LinkedHashMap<>();
  private static final Map<String, Function<ListingDetails, Object>> LISTING_FIELDS = new LinkedHashMap<>();

  static {
    ITEM_FIELDS.put("sku", ItemDetails::sku);
    ITEM_FIELDS.put("title", ItemDetails::title);
    ITEM_FIELDS.put("category", ItemDetails::category);
    ITEM_FIELDS.put("condition", ItemDetails::condition);
    ITEM_FIELDS.put("costBasis", ItemDetails::costBasis);
    ITEM_FIELDS.put("acquiredOn", ItemDetails::acquiredOn);
    ITEM_FIELDS.put("location", ItemDetails::location);
    ITEM_FIELDS.put("photoStatus", ItemDetails::photoStatus);
    ITEM_FIELDS.put("estimatedValue", ItemDetails::estimatedValue);
    ITEM_FIELDS.put("targetPrice", ItemDetails::targetPrice);
    ITEM_FIELDS.put("brand", ItemDetails::brand);
    ITEM_FIELDS.put("defects", ItemDetails::defects);
    ITEM_FIELDS.put("boxCondition", ItemDetails::boxCondition);
    ITEM_FIELDS.put("acquisitionSource", ItemDetails::acquisitionSource);
    ITEM_FIELDS.put("consignor", ItemDetails::consignor);
    ITEM_FIELDS.put("specifics", ItemDetails::specifics);
    ITEM_FIELDS.put("notes", ItemDetails::notes);
    LISTING_FIELDS.put("channel", ListingDetails::channel);
    LISTING_FIELDS.put("externalId", ListingDetails::externalId);
    LISTING_FIELDS.put("url", ListingDetails::url);
    LISTING_FIELDS.put("title", ListingDetails::title);
    LISTING_FIELDS.put("description", ListingDetails::description);
    LISTING_FIELDS.put("price", ListingDetails::price);
    LISTING_FIELDS.put("shippingProfile", ListingDetails::shippingProfile);
    LISTING_FIELDS.put("listedQuantity", ListingDetails::listedQuantity);
  }

  static List<FieldChange> items(ItemDetails before, ItemDetails after) {
    return diff(ITEM_FIELDS, before, after);
  }

  static List<FieldChange> listings(ListingDetails before, ListingDetails after) {
    return diff(LISTING_FIELDS, before, after);
  }

  private static <T> List<FieldChange> diff(Map<String, Function<T, Object>> fields, T before, T after) {
    List<FieldChange> changes = new ArrayList<>();
    fields.forEach((name, get) -> {
      Object b = get.apply(before);
      Object a = get.apply(after);
      if (!Objects.equals(b, a)) {
        changes.add(new FieldChange(name, text(b), text(a)));
      }
    });
    return changes;
  }

  private static Optional<String> text(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(String::valueOf);
    }
    if (value instanceof java.util.Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(value));
  }
}
