package org.resellledger.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;

/**
 * A migration profile: reads another tool's export as it comes and hands each of its rows to the native items
 * and listings lanes as the rows they would read, so that every rule, message and the ledger's preview are
 * theirs; only the words differ. What it adds:
 *
 * <ul>
 *   <li>its own columns (the export's header names), and a map from each native column back to the export's,
 *       so that every error names the export's row and column;
 *   <li>the import's defaults ({@link ImportRequest#withDefault}) for fields the export lacks or leaves blank,
 *       used for new items only (a known item keeps what it has: blank never erases) and listed per row;
 *   <li>rows that belong together (a Shopify product's continuation rows) read with the row that opened them.
 * </ul>
 *
 * A row of the export is one item and its listing on the tool's channel: one row of the report, with the item
 * planned first, so that the ledger previews the listing after the intake it needs.
 */
abstract class Profile {
  /** The native columns a default may be given for. */
  static final List<String> DEFAULT_FIELDS = List.of(ItemCsv.CATEGORY.name(), ItemCsv.CONDITION.name(),
      ItemCsv.CURRENCY.name(), ItemCsv.COST_BASIS.name(), ItemCsv.ACQUIRED_ON.name(), ItemCsv.LOCATION.name(),
      ItemCsv.PHOTO_STATUS.name(), ItemCsv.QUANTITY.name(), ItemCsv.STATUS.name(), ItemCsv.BRAND.name(),
      ItemCsv.BOX_CONDITION.name(), ItemCsv.ACQUISITION_SOURCE.name(), ItemCsv.ACQUISITION_SOURCE_NAME.name(),
      ItemCsv.NOTES.name(), ListingCsv.SHIPPING_PROFILE.name());

  /** The export's columns (known ones, used or not: an unknown one is a warning, as in native files). */
  abstract List<Column> columns();

  abstract List<Column> required();

  /** The export's column an items-file column's value came from; absent: none (a default, or made up). */
  abstract Map<Column, Column> itemSources();

  /** The export's column a listings-file column's value came from. */
  abstract Map<Column, Column> listingSources();

  /** A reader of one pass over the file: stateful (rows that belong together), so one per pass. */
  abstract UnaryOperator<Row> reader(ImportRequest request);

  Lane lane() {
    return new Lane(columns(), required(), ItemCsv.SKU, Profile::plan, this::column, (plan, steps) -> plan,
        this::reader);
  }

  // ---- planning ----------------------------------------------------------------------------------------

  static RowPlan plan(Row row, PlanContext ctx) {
    ProfileRow p = (ProfileRow) row;
    if (p.item == null) {
      return p.errors.isEmpty()
          ? new RowPlan(p.number, p.key, Optional.empty(), RowAction.UNCHANGED, List.of(), List.of(), List.of())
          : RowPlan.invalid(p.number, p.key, Optional.empty(), p.errors);
    }
    Map<Column, String> item = new LinkedHashMap<>(p.item);
    Map<Column, String> listing = p.listing == null ? null : new LinkedHashMap<>(p.listing);
    Optional<Sku> sku = skuOf(p);
    Optional<Item> existing = sku.flatMap(ctx::item);
    // defaults fill what the export left blank, for a new item only: a known item keeps what it has
    List<String> used = new ArrayList<>();
    Map<String, String> usedFields = new HashMap<>();
    if (existing.isEmpty()) {
      for (Map.Entry<String, String> d : p.defaults.entrySet()) {
        boolean onListing = d.getKey().equals(ListingCsv.SHIPPING_PROFILE.name());
        Map<Column, String> cells = onListing ? listing : item;
        Column column = onListing ? ListingCsv.SHIPPING_PROFILE
            : ItemCsv.COLUMNS.stream().filter(c -> c.name().equals(d.getKey())).findFirst().orElseThrow();
        if (cells != null && Cell.of(cells.get(column)).keep()) {
          cells.put(column, d.getValue());
          used.add(d.getKey() + "=" + d.getValue() + p.note(d.getKey()).map(n -> " (" + n + ")").orElse(""));
          usedFields.put(d.getKey(), d.getValue());
        }
      }
    }
    Profile profile = p.profile;
    RowPlan items = profile.translate(ItemCsv.plan(new Row(p.number, item), ctx), profile.itemSources(),
        usedFields);
    RowPlan listings = null;
    if (listing != null && sku.isPresent()) {
      Function<Sku, Optional<Item>> lookup = existing.isPresent() ? s -> existing
          : s -> planned(items.commands());
      if (existing.isPresent() || planned(items.commands()).isPresent()) {
        listings = profile.translate(ListingCsv.plan(new Row(p.number, listing), ctx, lookup),
            profile.listingSources(), usedFields);
      }
    }
    return merge(p, sku, items, listings).withDefaults(used);
  }

  /** The item a valid (or previewed) intake of this row would make, for planning its listing. */
  private static Optional<Item> planned(List<Command> commands) {
    return commands.stream().filter(IntakeItem.class::isInstance).map(IntakeItem.class::cast).findFirst()
        .map(x -> new Item(ItemId.of("planned"), x.details(), x.status(), Balances.EMPTY, Map.of(), List.of(),
            x.quantity(), 0));
  }

  private static RowPlan merge(ProfileRow p, Optional<Sku> sku, RowPlan items, RowPlan listings) {
    List<Command> commands = new ArrayList<>(items.commands());
    List<RowError> errors = new ArrayList<>(p.errors);
    addOncePerColumn(errors, items.errors());
    List<FieldDiff> changes = new ArrayList<>(items.changes());
    RowAction action = items.action();
    if (listings != null) {
      commands.addAll(listings.commands());
      addOncePerColumn(errors, listings.errors());
      listings.changes().forEach(d -> changes.add(new FieldDiff("listing " + d.column(), d.before(), d.after())));
      if (action == RowAction.UNCHANGED && listings.action() != RowAction.UNCHANGED) {
        action = RowAction.UPDATE;
      }
    }
    String key = items.key().isEmpty() ? p.key : items.key();
    Optional<String> skuText = sku.map(Sku::value);
    if (!errors.isEmpty()) {
      return RowPlan.invalid(p.number, key, skuText, errors, commands);
    }
    return new RowPlan(p.number, key, skuText, action, changes, List.of(), commands);
  }

  /** One error per column: the same problem said by the item and by its listing (a quantity) is said once. */
  private static void addOncePerColumn(List<RowError> into, List<RowError> more) {
    for (RowError e : more) {
      if (into.stream().noneMatch(x -> x.column().equals(e.column()))) {
        into.add(e);
      }
    }
  }

  /** The plan with its errors' columns named as the export names them (a default's as the field). */
  private RowPlan translate(RowPlan plan, Map<Column, Column> sources, Map<String, String> defaults) {
    if (plan.errors().isEmpty()) {
      return plan;
    }
    List<RowError> errors = new ArrayList<>();
    for (RowError e : plan.errors()) {
      // a field intake needs that the export left without a value: the import's defaults are the way to give it
      String message = e.code() == ImportErrorCode.REQUIRED && e.column().filter(DEFAULT_FIELDS::contains).isPresent()
          && !e.column().map(defaults::containsKey).orElse(false)
          ? "required for a new item; the export gives none: give a default for '" + e.column().get()
              + "' for the whole import" : e.message();
      errors.add(new RowError(e.row(), e.column().map(c -> name(c, sources, defaults)), e.value(), message,
          e.code()));
    }
    return new RowPlan(plan.row(), plan.key(), plan.sku(), plan.action(), plan.changes(), errors, plan.commands(),
        plan.defaults());
  }

  private static String name(String nativeColumn, Map<Column, Column> sources, Map<String, String> defaults) {
    if (defaults.containsKey(nativeColumn)) {
      return nativeColumn + " (default)";
    }
    return sources.entrySet().stream().filter(s -> s.getKey().name().equals(nativeColumn)).findFirst()
        .map(s -> s.getValue().name()).orElse(nativeColumn);
  }

  /** The export's column of a ledger refusal found by the preview: the listing's or the item's field. */
  private String column(RejectionException e) {
    boolean ofListing = e.field().startsWith("listing.")
        || List.of("price", "listedQuantity", "channel", "externalId", "url", "shippingProfile", "description",
            "error").contains(e.field())
        || e.code() == RejectionCode.ILLEGAL_LISTING_STATUS_TRANSITION || e.code() == RejectionCode.PHOTOS_REQUIRED
        || e.code() == RejectionCode.DUPLICATE_EXTERNAL_ID;
    return ofListing ? name(ListingCsv.column(e), listingSources(), Map.of())
        : name(ItemCsv.column(e), itemSources(), Map.of());
  }

  private static Optional<Sku> skuOf(Row row) {
    Cell cell = row.cell(ItemCsv.SKU);
    if (!cell.value()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Sku.of(cell.text()));
    } catch (RejectionException e) {
      return Optional.empty();
    }
  }

  // ---- helpers for readers -----------------------------------------------------------------------------

  /** The stripped text of a cell of the export, or empty when blank or absent. */
  static String text(Row row, Column column) {
    String raw = row.raw(column);
    return raw == null ? "" : raw.strip();
  }

  /** A category cell's levels with '/' kept literal: a tool's category names may hold one. */
  static String category(String text) {
    return text.replace("\\", "\\\\").replace("/", "\\/");
  }
}
