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
import org.resellledger.core.ledger.Balances;
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
    check.required(QUANTITY, e.quantity, "item"); // not a detail: the intake's own number
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
    // which statuses an intake may start in, and that CONSIGNED names its consignor, the ledger says
    List<Command> intake = details.map(d -> List.<Command>of(
        new IntakeItem(d, e.quantity.isSet() ? e.quantity.value() : 0, status, ctx.origin))).orElse(List.of());
    if (!check.ok()) {
      return RowPlan.invalid(row.number, sku.value(), Optional.of(sku.value()), check.errors, intake);
    }
    return RowPlan.create(row.number, sku.value(), sku.value(), intake);
  }

  private static RowPlan update(Row row, Item item, Edits e, RowCheck check, PlanContext ctx) {
    Sku sku = item.sku();
    ItemDetails before = item.details();
    // the row's currency, if it gives one: the ledger refuses a cost basis in another one than the item's
    Currency currency = e.currency.isSet() ? e.currency.value() : before.costBasis().currency();
    if (!currency.equals(before.costBasis().currency()) && !e.cost.isSet()) {
      check.add(COST_BASIS, null, ImportErrorCode.REQUIRED, "a new currency needs the cost basis in it");
    }
    Optional<ItemDetails> built = build(check, sku, Optional.of(before), e, Optional.of(currency));
    ItemDetails after = built.orElse(before);
    long quantity = e.quantity.isSet() ? e.quantity.value() : item.quantity();
    ItemStatus status = e.status.isSet() ? e.status.value() : item.status();
    List<FieldDiff> changes = Diffs.of(COLUMNS, cells(item), cells(after, quantity, status));

    // Order matters within the row's unit: a status move first, so that it is checked against the status the
    // row saw and a follow-up move of the ledger (photos complete -> READY_TO_LIST) cannot pre-empt it; but
    // archiving last, since an archived item takes no more changes.
    List<Command> commands = new ArrayList<>();
    Optional<Command> move = status != item.status() ? Optional.of(statusCommand(item, after, status, ctx))
        : Optional.empty();
    boolean archive = status == ItemStatus.ARCHIVED;
    if (!archive) {
      move.ifPresent(commands::add);
    }
    if (built.isPresent() && !after.equals(before)) {
      commands.add(new ChangeItemDetails(sku, after, ctx.origin));
    }
    // a manual adjustment: the ledger says whether it has a reason, the units to take away and the maximum.
    // The difference is a long: an item stored before the maximum existed may hold more than an int, and is
    // then taken down in adjustments of at most Balances.MAX_QUANTITY each (one row, one unit of commands).
    // Up is one adjustment: the cell is an int and the item's quantity is not negative, so it fits.
    long delta = quantity - item.quantity();
    while (delta != 0) {
      int step = Math.toIntExact(Math.max(delta, -Balances.MAX_QUANTITY));
      commands.add(new AdjustQuantity(sku, step, ctx.reason.map(ctx::originWithReason).orElse(ctx.origin)));
      delta -= step;
    }
    if (archive) {
      move.ifPresent(commands::add);
    }
    if (!check.ok() || built.isEmpty()) {
      return RowPlan.invalid(row.number, sku.value(), Optional.of(sku.value()), check.errors, commands);
    }
    return RowPlan.update(row.number, sku.value(), sku.value(), changes, commands);
  }

  /** The command of a status move; whether the item may make it is the ledger's to say. */
  private static Command statusCommand(Item item, ItemDetails after, ItemStatus to, PlanContext ctx) {
    if (to == ItemStatus.CONSIGNED) {
      return new ConsignItem(item.sku(), after.consignor().orElse(null), ctx.origin);
    }
    return new ChangeItemStatus(item.sku(), to, ctx.origin);
  }

  /**
   * The details after the row's edits (every field set at most once, strict builder), built once: the
   * builder refuses every bad field at once ({@link RejectionException#all()}), and each is reported in its
   * column unless that cell already has an error. A required field the row leaves without a value is
   * refused {@code MISSING_FIELD} and reported as {@code REQUIRED}; since a builder missing fields checks
   * nothing else, those fields (and only those) are then given a neutral placeholder and the details built
   * once more, so that the other fields are checked in the same preview. The result may hold placeholders
   * only when the row has an error: it is then used for preview only.
   */
  private static Optional<ItemDetails> build(RowCheck check, Sku sku, Optional<ItemDetails> s, Edits e,
      Optional<Currency> currency) {
    Currency in = currency.orElse(null);
    Optional<Money> cost = in == null ? Optional.empty()
        : money(check, COST_BASIS, e.cost, in, s.map(ItemDetails::costBasis));
    Optional<Money> estimated = in == null ? Optional.empty()
        : money(check, ESTIMATED_VALUE, e.estimated, in, s.flatMap(ItemDetails::estimatedValue));
    Optional<Money> target = in == null ? Optional.empty()
        : money(check, TARGET_PRICE, e.target, in, s.flatMap(ItemDetails::targetPrice));
    Optional<AcquisitionSource> source = source(check, e, s.flatMap(ItemDetails::acquisitionSource));
    java.util.function.Supplier<ItemDetails.Builder> builder = () -> {
      ItemDetails.Builder b = ItemDetails.builder();
      b.sku(sku);
      value(e.title, s.map(ItemDetails::title)).ifPresent(b::title);
      value(e.category, s.map(ItemDetails::category)).ifPresent(b::category);
      value(e.condition, s.map(ItemDetails::condition)).ifPresent(b::condition);
      cost.ifPresent(b::costBasis);
      value(e.acquired, s.map(ItemDetails::acquiredOn)).ifPresent(b::acquiredOn);
      value(e.location, s.map(ItemDetails::location)).ifPresent(b::location);
      value(e.photos, s.map(ItemDetails::photoStatus)).ifPresent(b::photoStatus);
      b.estimatedValue(estimated);
      b.targetPrice(target);
      b.brand(e.brand.applyTo(s.flatMap(ItemDetails::brand)));
      b.defects(e.defects.applyTo(s.map(ItemDetails::defects)).orElse(List.of()));
      b.boxCondition(e.box.applyTo(s.flatMap(ItemDetails::boxCondition)));
      b.acquisitionSource(source);
      b.consignor(e.consignor.applyTo(s.flatMap(ItemDetails::consignor)));
      b.specifics(e.specifics.applyTo(s.map(ItemDetails::specifics)).orElse(Map.of()));
      b.notes(e.notes.applyTo(s.flatMap(ItemDetails::notes)));
      return b;
    };
    try {
      return Optional.of(builder.get().build());
    } catch (RejectionException r) {
      List<String> missing = report(check, r, e);
      if (missing.isEmpty()) {
        return Optional.empty();
      }
      ItemDetails.Builder b = builder.get();
      for (String field : missing) {
        switch (field) {
          case "title" -> b.title("-");
          case "category" -> b.category(Category.of("-"));
          case "condition" -> b.condition(Condition.GOOD);
          case "costBasis" -> b.costBasis(Money.of(java.math.BigDecimal.ZERO, in == null ? "USD" : in.getCurrencyCode()));
          case "acquiredOn" -> b.acquiredOn(LocalDate.EPOCH);
          case "location" -> b.location(StorageLocation.of("-"));
          case "photoStatus" -> b.photoStatus(PhotoStatus.NONE);
          default -> { }
        }
      }
      try {
        return Optional.of(b.build());
      } catch (RejectionException again) {
        report(check, again, e);
        return Optional.empty();
      }
    }
  }

  /**
   * Adds each problem of a refused build to the row, in its column, unless that cell already has an error;
   * returns the fields the builder found missing.
   */
  private static List<String> report(RowCheck check, RejectionException r, Edits e) {
    List<String> missing = new ArrayList<>();
    for (RejectionException p : r.all()) {
      String column = column(p);
      boolean cellError = check.errors.stream().anyMatch(x -> x.column().equals(Optional.of(column)));
      if (p.code() == RejectionCode.MISSING_FIELD) {
        missing.add(p.field());
        // a cost given without a currency is missing here too: the currency is reported, not the cost
        if (!cellError && !(column.equals(COST_BASIS.name()) && e.cost.isSet())) {
          check.errors.add(RowError.of(check.row.number, column, null, ImportErrorCode.REQUIRED, "required for a new item"));
        }
      } else if (!cellError) {
        check.add(column, p);
      }
    }
    return missing;
  }

  /** The edited value, else the stored one; empty when neither (a blank cell of a new record). */
  private static <T> Optional<T> value(Edit<T> edit, Optional<T> stored) {
    return edit.isSet() ? Optional.of(edit.value()) : edit.isClear() ? Optional.empty() : stored;
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

  /** The CSV column a ledger rejection's field belongs to (of the details, or of an items row's commands). */
  static String column(RejectionException r) {
    if (r.code() == RejectionCode.CURRENCY_MISMATCH) {
      return CURRENCY.name();
    }
    String field = r.field();
    String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    return switch (head) {
      case "sku" -> SKU.name();
      case "title" -> TITLE.name();
      case "condition" -> CONDITION.name();
      case "acquiredOn" -> ACQUIRED_ON.name();
      case "photoStatus" -> PHOTO_STATUS.name();
      case "status", "to" -> STATUS.name();
      case "quantity", "delta", "reason" -> QUANTITY.name(); // a quantity change is an adjustment
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
      case "boxCondition" -> BOX_CONDITION.name();
      default -> field;
    };
  }
}
