package org.resellledger.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemCommand.ChangeItemStatus;
import org.resellledger.core.item.ItemCommand.ConsignItem;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.BoxCondition;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.money.Money;

/**
 * The items file: its columns, how an item is written as a row, and how a row becomes an intake (new SKU) or
 * an update (known SKU) of details, quantity and status. The formatters are the inverse of the parsers, so an
 * exported file re-imports with no change.
 */
final class ItemCsv {
  private ItemCsv() {}

  static final Column SKU = Column.of("sku");
  static final Column TITLE = Column.of("title", "name");
  static final Column CATEGORY = Column.of("category", "category_path");
  static final Column CONDITION = Column.of("condition");
  static final Column CURRENCY = Column.of("currency");
  static final Column COST_BASIS = Column.of("cost_basis", "cost");
  static final Column ACQUIRED_ON = Column.of("acquired_on", "acquired", "acquired_date");
  static final Column LOCATION = Column.of("location", "storage_location", "storage");
  static final Column PHOTO_STATUS = Column.of("photo_status", "photos");
  static final Column QUANTITY = Column.of("quantity", "qty");
  static final Column STATUS = Column.of("status", "item_status");
  static final Column ESTIMATED_VALUE = Column.of("estimated_value", "market_value");
  static final Column TARGET_PRICE = Column.of("target_price");
  static final Column BRAND = Column.of("brand");
  static final Column DEFECTS = Column.of("defects");
  static final Column BOX_CONDITION = Column.of("box_condition", "box");
  static final Column ACQUISITION_SOURCE = Column.of("acquisition_source", "source");
  static final Column ACQUISITION_SOURCE_NAME = Column.of("acquisition_source_name", "source_name");
  static final Column CONSIGNOR = Column.of("consignor");
  static final Column SPECIFICS = Column.of("specifics", "item_specifics");
  static final Column NOTES = Column.of("notes");

  /** Every column, in the order the exporter writes them. */
  static final List<Column> COLUMNS = List.of(SKU, TITLE, CATEGORY, CONDITION, CURRENCY, COST_BASIS, ACQUIRED_ON,
      LOCATION, PHOTO_STATUS, QUANTITY, STATUS, ESTIMATED_VALUE, TARGET_PRICE, BRAND, DEFECTS, BOX_CONDITION,
      ACQUISITION_SOURCE, ACQUISITION_SOURCE_NAME, CONSIGNOR, SPECIFICS, NOTES);

  static final List<Column> REQUIRED = List.of(SKU);

  // ---- export ------------------------------------------------------------------------------------------

  /** An item as cells in {@link #COLUMNS} order, before formula neutralising; empty text for no value. */
  static String[] cells(ItemDetails d, long quantity, ItemStatus status) {
    return new String[] {
        d.sku().value(),
        d.title(),
        Values.category(d.category()),
        d.condition().name(),
        d.costBasis().currency().getCurrencyCode(),
        Values.amount(d.costBasis()),
        d.acquiredOn().toString(),
        d.location().toString(),
        d.photoStatus().name(),
        Long.toString(quantity),
        status.name(),
        d.estimatedValue().map(Values::amount).orElse(""),
        d.targetPrice().map(Values::amount).orElse(""),
        d.brand().orElse(""),
        Values.defects(d.defects()),
        d.boxCondition().map(Enum::name).orElse(""),
        d.acquisitionSource().map(s -> s.kind().name()).orElse(""),
        d.acquisitionSource().flatMap(AcquisitionSource::name).orElse(""),
        d.consignor().orElse(""),
        Values.specifics(d.specifics()),
        d.notes().orElse("")};
  }

  static String[] cells(Item item) {
    return cells(item.details(), item.quantity(), item.status());
  }

  // ---- import ------------------------------------------------------------------------------------------

  /** What the row's cells ask for, parsed; problems collected in {@code check}. */
  private record Edits(Edit<String> title, Edit<Category> category, Edit<Condition> condition,
      Edit<Currency> currency, Edit<Values.Amount> cost, Edit<LocalDate> acquired, Edit<StorageLocation> location,
      Edit<PhotoStatus> photos, Edit<Integer> quantity, Edit<ItemStatus> status, Edit<Values.Amount> estimated,
      Edit<Values.Amount> target, Edit<String> brand, Edit<List<Defect>> defects, Edit<BoxCondition> box,
      Edit<AcquisitionSource.Kind> sourceKind, Edit<String> sourceName, Edit<String> consignor,
      Edit<Map<String, String>> specifics, Edit<String> notes) {

    static Edits read(RowCheck c) {
      Edits e = new Edits(c.text(TITLE), c.parse(CATEGORY, Values::category), c.choice(CONDITION, Condition.class),
          c.parse(CURRENCY, Values::currency), c.parse(COST_BASIS, Values::amount),
          c.parse(ACQUIRED_ON, Values::date), c.parse(LOCATION, StorageLocation::parse),
          c.choice(PHOTO_STATUS, PhotoStatus.class), c.parse(QUANTITY, s -> Values.integer(s, false)),
          c.choice(STATUS, ItemStatus.class), c.parse(ESTIMATED_VALUE, Values::amount),
          c.parse(TARGET_PRICE, Values::amount), c.text(BRAND), c.parse(DEFECTS, Values::defects),
          c.choice(BOX_CONDITION, BoxCondition.class), c.choice(ACQUISITION_SOURCE, AcquisitionSource.Kind.class),
          c.text(ACQUISITION_SOURCE_NAME), c.text(CONSIGNOR), c.parse(SPECIFICS, Values::specifics), c.text(NOTES));
      c.notCleared(TITLE, e.title);
      c.notCleared(CATEGORY, e.category);
      c.notCleared(CONDITION, e.condition);
      c.notCleared(CURRENCY, e.currency);
      c.notCleared(COST_BASIS, e.cost);
      c.notCleared(ACQUIRED_ON, e.acquired);
      c.notCleared(LOCATION, e.location);
      c.notCleared(PHOTO_STATUS, e.photos);
      c.notCleared(QUANTITY, e.quantity);
      c.notCleared(STATUS, e.status);
      return e;
    }
  }

  static RowPlan plan(Row row, PlanContext ctx) {
    RowCheck check = new RowCheck(row);
    String rawSku = Optional.ofNullable(row.raw(SKU)).orElse("").strip();
    Edit<Sku> skuEdit = check.parse(SKU, Sku::of);
    if (!skuEdit.isSet()) {
      if (check.ok()) {
        check.add(SKU, skuEdit.isClear() ? Cell.CLEAR : null, ImportErrorCode.REQUIRED, "every row needs a SKU");
      }
      return RowPlan.invalid(row.number, rawSku, Optional.empty(), check.errors);
    }
    Sku sku = skuEdit.value();
    if (!ctx.seen.add(sku.value())) {
      check.add(SKU, sku.value(), ImportErrorCode.DUPLICATE_IN_FILE, "SKU " + sku + " is on an earlier row too");
    }
    // no early return on a cell error: the checks below still run on the cells that did parse, so that one
    // preview shows every problem of the row
    Edits e = Edits.read(check);
    Optional<Item> existing = ctx.plannedCreate ? Optional.empty() : ctx.item(sku);
    return existing.isEmpty() ? create(row, sku, e, check, ctx) : update(row, existing.get(), e, check, ctx);
  }

  private static RowPlan create(Row row, Sku sku, Edits e, RowCheck check, PlanContext ctx) {
    check.required(TITLE, e.title, "item");
    check.required(CATEGORY, e.category, "item");
    check.required(CONDITION, e.condition, "item");
    check.required(COST_BASIS, e.cost, "item");
    check.required(ACQUIRED_ON, e.acquired, "item");
    check.required(LOCATION, e.location, "item");
    check.required(PHOTO_STATUS, e.photos, "item");
    check.required(QUANTITY, e.quantity, "item");
    Optional<Currency> currency = e.currency.isSet() ? Optional.of(e.currency.value())
        : e.cost.isSet() ? e.cost.value().currency() : Optional.empty();
    if (currency.isEmpty() && !check.hasError(CURRENCY)) {
      check.add(CURRENCY, null, ImportErrorCode.REQUIRED,
          "required for a new item (or write it after the cost basis, e.g. 12.50 USD)");
    }
    Optional<ItemDetails> details = build(check, sku, Optional.empty(), e, currency);
    ItemStatus status = e.status.isSet() ? e.status.value()
        : e.photos.isSet() && e.photos.value() == PhotoStatus.COMPLETE ? ItemStatus.READY_TO_LIST
        : ItemStatus.NEEDS_PHOTOS;
    if (!ItemStatus.INTAKE.contains(status)) {
      check.add(STATUS, status.name(), ImportErrorCode.ILLEGAL_ITEM_STATUS_TRANSITION,
          "a new item starts as one of " + ItemStatus.INTAKE);
    } else if (status == ItemStatus.CONSIGNED && e.consignor.applyTo(Optional.empty()).isEmpty()) {
      check.add(CONSIGNOR, null, ImportErrorCode.REQUIRED, "an item taken in as CONSIGNED names its consignor");
    }
    if (!check.ok() || details.isEmpty()) {
      return RowPlan.invalid(row.number, sku.value(), Optional.of(sku.value()), check.errors);
    }
    return RowPlan.create(row.number, sku.value(), sku.value(),
        List.of(new IntakeItem(details.get(), e.quantity.value(), status, ctx.origin)));
  }

  private static RowPlan update(Row row, Item item, Edits e, RowCheck check, PlanContext ctx) {
    Sku sku = item.sku();
    ItemDetails before = item.details();
    Currency currency = before.costBasis().currency();
    if (e.currency.isSet() && !e.currency.value().equals(currency)) {
      check.add(CURRENCY, e.currency.value().getCurrencyCode(), ImportErrorCode.CURRENCY_MISMATCH,
          "an item's currency cannot change; SKU " + sku + " is in " + currency);
    }
    Optional<ItemDetails> built = build(check, sku, Optional.of(before), e, Optional.of(currency));
    // the quantity and status checks below run on the stored details when the edited ones are invalid
    ItemDetails after = built.orElse(before);
    long quantity = e.quantity.isSet() ? e.quantity.value() : item.quantity();
    ItemStatus status = e.status.isSet() ? e.status.value() : item.status();
    List<FieldDiff> changes = Diffs.of(COLUMNS, cells(item), cells(after, quantity, status));

    // Order matters within the row's unit: a status move first, so that it is checked against the status the
    // row saw and a follow-up move of the ledger (photos complete -> READY_TO_LIST) cannot pre-empt it; but
    // archiving last, since an archived item takes no more changes.
    List<Command> commands = new ArrayList<>();
    Optional<Command> move = status != item.status() ? statusCommand(item, after, status, check, ctx)
        : Optional.empty();
    boolean archive = status == ItemStatus.ARCHIVED;
    if (!archive) {
      move.ifPresent(commands::add);
    }
    if (!after.equals(before)) {
      commands.add(new ChangeItemDetails(sku, after, ctx.origin));
    }
    long delta = quantity - item.quantity();
    if (delta != 0) {
      if (ctx.reason.isEmpty()) {
        check.add(QUANTITY, Long.toString(quantity), ImportErrorCode.REASON_REQUIRED,
            "changing the quantity of SKU " + sku + " from " + item.quantity() + " to " + quantity
                + " is a manual adjustment: give the import a reason");
      } else if (delta < 0 && -delta > item.available()) {
        check.add(QUANTITY, Long.toString(quantity), ImportErrorCode.INSUFFICIENT_UNITS,
            "SKU " + sku + " has " + item.quantity() + " on hand of which " + item.available()
                + " available; only available units can be adjusted away");
      } else {
        commands.add(new AdjustQuantity(sku, (int) delta, ctx.originWithReason(ctx.reason.get())));
      }
    }
    if (archive) {
      move.ifPresent(commands::add);
    }
    if (!commands.isEmpty() && item.archived()) {
      check.add(null, null, ImportErrorCode.ITEM_ARCHIVED, "SKU " + sku + " is archived; it cannot change");
    }
    if (!check.ok() || built.isEmpty()) {
      return RowPlan.invalid(row.number, sku.value(), Optional.of(sku.value()), check.errors);
    }
    return RowPlan.update(row.number, sku.value(), sku.value(), changes, commands);
  }

  private static Optional<Command> statusCommand(Item item, ItemDetails after, ItemStatus to, RowCheck check,
      PlanContext ctx) {
    if (!item.status().canMoveTo(to)) {
      check.add(STATUS, to.name(), ImportErrorCode.ILLEGAL_ITEM_STATUS_TRANSITION,
          "SKU " + item.sku() + " cannot move from " + item.status() + " to " + to + "; allowed: "
              + item.status().next());
      return Optional.empty();
    }
    long inspecting = item.balances().get(Bucket.INSPECTION);
    if (item.status() == ItemStatus.NEEDS_INSPECTION && inspecting > 0) {
      check.add(STATUS, to.name(), ImportErrorCode.ILLEGAL_ITEM_STATUS_TRANSITION,
          "SKU " + item.sku() + " has " + inspecting + " units waiting for inspection");
      return Optional.empty();
    }
    if (to == ItemStatus.CONSIGNED) {
      if (after.consignor().isEmpty()) {
        check.add(CONSIGNOR, null, ImportErrorCode.REQUIRED, "a CONSIGNED item names its consignor");
        return Optional.empty();
      }
      return Optional.of(new ConsignItem(item.sku(), after.consignor().get(), ctx.origin));
    }
    return Optional.of(new ChangeItemStatus(item.sku(), to, ctx.origin));
  }

  /**
   * The details after the row's edits (every field set exactly once, strict builder); empty when the row has
   * any error. Runs on a row that already has cell errors too, so that the errors only building finds (3
   * decimals on a USD amount, a title too long) are reported with them: a field without a usable value gets a
   * stand-in, and each field the builder refuses is reported once and then stood in for, until it builds.
   */
  private static Optional<ItemDetails> build(RowCheck check, Sku sku, Optional<ItemDetails> stored, Edits e,
      Optional<Currency> currency) {
    Optional<ItemDetails> s = stored;
    Currency in = currency.orElse(null);
    Optional<Money> cost = in == null ? Optional.empty()
        : money(check, COST_BASIS, e.cost, in, s.map(ItemDetails::costBasis));
    Optional<Money> estimated = in == null ? Optional.empty()
        : money(check, ESTIMATED_VALUE, e.estimated, in, s.flatMap(ItemDetails::estimatedValue));
    Optional<Money> target = in == null ? Optional.empty()
        : money(check, TARGET_PRICE, e.target, in, s.flatMap(ItemDetails::targetPrice));
    Optional<AcquisitionSource> source = source(check, e, s.flatMap(ItemDetails::acquisitionSource));
    java.util.Set<String> standIn = new java.util.HashSet<>();
    for (int attempt = 0; attempt <= COLUMNS.size(); attempt++) {
      java.util.function.Predicate<Column> own = c -> !standIn.contains(c.name());
      try {
        ItemDetails.Builder b = ItemDetails.builder();
        b.sku(sku);
        b.title(pick(own.test(TITLE), e.title, s.map(ItemDetails::title), "-"));
        b.category(pick(own.test(CATEGORY), e.category, s.map(ItemDetails::category), Category.of("-")));
        b.condition(pick(own.test(CONDITION), e.condition, s.map(ItemDetails::condition), Condition.GOOD));
        b.costBasis(own.test(COST_BASIS) && cost.isPresent() ? cost.get()
            : Money.of(java.math.BigDecimal.ZERO, in == null ? "USD" : in.getCurrencyCode()));
        b.acquiredOn(pick(own.test(ACQUIRED_ON), e.acquired, s.map(ItemDetails::acquiredOn), LocalDate.EPOCH));
        b.location(pick(own.test(LOCATION), e.location, s.map(ItemDetails::location), StorageLocation.of("-")));
        b.photoStatus(pick(own.test(PHOTO_STATUS), e.photos, s.map(ItemDetails::photoStatus), PhotoStatus.NONE));
        b.estimatedValue(own.test(ESTIMATED_VALUE) ? estimated : Optional.empty());
        b.targetPrice(own.test(TARGET_PRICE) ? target : Optional.empty());
        b.brand(own.test(BRAND) ? e.brand.applyTo(s.flatMap(ItemDetails::brand)) : Optional.empty());
        b.defects(own.test(DEFECTS) ? e.defects.applyTo(s.map(ItemDetails::defects)).orElse(List.of()) : List.of());
        b.boxCondition(e.box.applyTo(s.flatMap(ItemDetails::boxCondition)));
        b.acquisitionSource(own.test(ACQUISITION_SOURCE_NAME) ? source : Optional.empty());
        b.consignor(own.test(CONSIGNOR) ? e.consignor.applyTo(s.flatMap(ItemDetails::consignor)) : Optional.empty());
        b.specifics(own.test(SPECIFICS) ? e.specifics.applyTo(s.map(ItemDetails::specifics)).orElse(Map.of())
            : Map.of());
        b.notes(own.test(NOTES) ? e.notes.applyTo(s.flatMap(ItemDetails::notes)) : Optional.empty());
        ItemDetails built = b.build();
        return check.ok() && in != null ? Optional.of(built) : Optional.empty();
      } catch (RejectionException r) {
        String column = columnOf(r);
        if (!standIn.add(column)) {
          return Optional.empty(); // no stand-in makes it build; reported once already
        }
        if (check.errors.stream().noneMatch(x -> x.column().equals(Optional.of(column)))) {
          check.add(column, r); // a column whose cell already has an error is not reported twice
        }
      }
    }
    return Optional.empty();
  }

  /** The edited value, else the stored one, else (and for a field being stood in for) the stand-in. */
  private static <T> T pick(boolean own, Edit<T> edit, Optional<T> stored, T standIn) {
    if (own && edit.isSet()) {
      return edit.value();
    }
    return own ? stored.orElse(standIn) : standIn;
  }

  /** The amount of a money column in the row's currency, or the stored one; a bad amount is an error. */
  private static Optional<Money> money(RowCheck check, Column column, Edit<Values.Amount> edit, Currency currency,
      Optional<Money> stored) {
    if (edit.isKeep()) {
      return stored;
    }
    if (edit.isClear()) {
      return Optional.empty();
    }
    try {
      return Optional.of(edit.value().in(currency));
    } catch (BadCell bad) {
      check.add(column, row(check, column), bad.code, bad.getMessage());
    } catch (RejectionException r) {
      check.add(column.name(), r);
    }
    return stored;
  }

  private static String row(RowCheck check, Column column) {
    return Optional.ofNullable(check.row.raw(column)).map(String::strip).orElse(null);
  }

  private static Optional<AcquisitionSource> source(RowCheck check, Edits e, Optional<AcquisitionSource> stored) {
    if (e.sourceKind.isClear()) {
      return Optional.empty();
    }
    Optional<AcquisitionSource.Kind> kind = e.sourceKind.isSet() ? Optional.of(e.sourceKind.value())
        : stored.map(AcquisitionSource::kind);
    Optional<String> name = e.sourceName.applyTo(stored.flatMap(AcquisitionSource::name));
    if (kind.isEmpty()) {
      if (name.isPresent()) {
        check.add(ACQUISITION_SOURCE, null, ImportErrorCode.REQUIRED,
            "a source name needs its kind in 'acquisition_source', e.g. THRIFT");
      }
      return Optional.empty();
    }
    return Optional.of(new AcquisitionSource(kind.get(), name));
  }

  /** The CSV column a core field name belongs to, for errors raised while building details. */
  private static String columnOf(RejectionException r) {
    if (r.code() == RejectionCode.CURRENCY_MISMATCH) {
      return CURRENCY.name();
    }
    String field = r.field();
    String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    return switch (head) {
      case "title" -> TITLE.name();
      case "category" -> CATEGORY.name();
      case "costBasis", "amount" -> COST_BASIS.name();
      case "estimatedValue" -> ESTIMATED_VALUE.name();
      case "targetPrice" -> TARGET_PRICE.name();
      case "currency" -> CURRENCY.name();
      case "brand" -> BRAND.name();
      case "consignor" -> CONSIGNOR.name();
      case "notes" -> NOTES.name();
      case "specifics" -> SPECIFICS.name();
      case "defect" -> DEFECTS.name();
      case "location" -> LOCATION.name();
      case "acquisitionSource" -> ACQUISITION_SOURCE_NAME.name();
      default -> field;
    };
  }
}
