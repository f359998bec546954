package org.resellledger.csv;

import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ExternalIdFormat;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;

/**
 * The listings file: links items to channels. A row updates the listing it names ({@code listing_id}), or
 * the listing with its external id on its channel, or the item's only listing on that channel; otherwise it
 * creates one. Formatters are the inverse of the parsers, so an export re-imports with no change.
 */
final class ListingCsv {
  private ListingCsv() {}

  static final Column LISTING_ID = Column.of("listing_id");
  static final Column SKU = Column.of("sku");
  static final Column CHANNEL = Column.of("channel");
  static final Column EXTERNAL_ID = Column.of("external_id", "item_id", "channel_id");
  static final Column URL = Column.of("url", "listing_url");
  static final Column TITLE = Column.of("title", "channel_title");
  static final Column DESCRIPTION = Column.of("description");
  static final Column CURRENCY = Column.of("currency");
  static final Column PRICE = Column.of("price", "channel_price");
  static final Column SHIPPING_PROFILE = Column.of("shipping_profile", "shipping");
  static final Column LISTED_QUANTITY = Column.of("listed_quantity", "quantity", "qty");
  static final Column SYNC_STATUS = Column.of("sync_status", "status");
  static final Column SYNC_ERROR = Column.of("sync_error", "error");

  static final List<Column> COLUMNS = List.of(LISTING_ID, SKU, CHANNEL, EXTERNAL_ID, URL, TITLE, DESCRIPTION,
      CURRENCY, PRICE, SHIPPING_PROFILE, LISTED_QUANTITY, SYNC_STATUS, SYNC_ERROR);

  static final List<Column> REQUIRED = List.of(SKU, CHANNEL);

  static String[] cells(Sku sku, ListingId id, ListingDetails d, SyncStatus status, Optional<String> error) {
    return new String[] {
        id.value(),
        sku.value(),
        d.channel().code(),
        d.externalId().orElse(""),
        d.url().map(URI::toString).orElse(""),
        d.title(),
        d.description().orElse(""),
        d.price().currency().getCurrencyCode(),
        Values.amount(d.price()),
        d.shippingProfile().orElse(""),
        Integer.toString(d.listedQuantity()),
        status.name(),
        error.orElse("")};
  }

  static String[] cells(Item item, Listing l) {
    return cells(item.sku(), l.id(), l.details(), l.status(), l.lastError());
  }

  private record Edits(Edit<String> externalId, Edit<URI> url, Edit<String> title, Edit<String> description,
      Edit<Currency> currency, Edit<Values.Amount> price, Edit<String> shipping, Edit<Integer> listed,
      Edit<SyncStatus> status, Edit<String> error) {

    static Edits read(RowCheck c) {
      Edits e = new Edits(c.text(EXTERNAL_ID), c.parse(URL, Values::url), c.text(TITLE), c.text(DESCRIPTION),
          c.parse(CURRENCY, Values::currency), c.parse(PRICE, Values::amount), c.text(SHIPPING_PROFILE),
          c.parse(LISTED_QUANTITY, s -> Values.integer(s, false)), c.choice(SYNC_STATUS, SyncStatus.class),
          c.text(SYNC_ERROR));
      c.notCleared(TITLE, e.title);
      c.notCleared(CURRENCY, e.currency);
      c.notCleared(PRICE, e.price);
      c.notCleared(LISTED_QUANTITY, e.listed);
      c.notCleared(SYNC_STATUS, e.status);
      return e;
    }
  }

  static RowPlan plan(Row row, PlanContext ctx) {
    return plan(row, ctx, ctx::item);
  }

  /**
   * A row's plan, finding its item through {@code items}: a migration profile plans the listing of an item
   * that the same row takes in, which is not in the ledger yet.
   */
  static RowPlan plan(Row row, PlanContext ctx, java.util.function.Function<Sku, Optional<Item>> items) {
    RowCheck check = new RowCheck(row);
    Edit<Sku> sku = check.parse(SKU, Sku::of);
    Edit<Channel> channel = check.parse(CHANNEL, Channel::of);
    Edit<ListingId> listingId = check.parse(LISTING_ID, ListingId::of);
    check.notCleared(LISTING_ID, listingId);
    String rawKey = Optional.ofNullable(row.raw(SKU)).orElse("").strip() + " @ "
        + Optional.ofNullable(row.raw(CHANNEL)).orElse("").strip();
    if (!sku.isSet() || !channel.isSet()) {
      if (check.ok()) {
        check.add(sku.isSet() ? CHANNEL : SKU, null, ImportErrorCode.REQUIRED, "every row needs a SKU and a channel");
      }
      return RowPlan.invalid(row.number, rawKey, Optional.empty(), check.errors);
    }
    String key = sku.value() + " @ " + channel.value();
    Optional<String> skuText = Optional.of(sku.value().value());
    Edits e = Edits.read(check);
    Optional<Item> found = items.apply(sku.value());
    if (found.isEmpty()) {
      check.add(SKU, sku.value().value(), ImportErrorCode.UNKNOWN_ITEM,
          "no item with this SKU; import it in an items file first");
    }
    // A cell error elsewhere does not stop the row's other checks (so one preview shows all its problems),
    // but without the item, or with a broken cell among those that say which listing the row means, there
    // is nothing sound to check against.
    if (found.isEmpty() || check.hasError(LISTING_ID) || check.hasError(EXTERNAL_ID)) {
      return RowPlan.invalid(row.number, key, skuText, check.errors);
    }
    Item item = found.get();
    int before = check.errors.size();
    Optional<Listing> target = target(check, item, channel.value(), listingId, e.externalId, ctx);
    if (check.errors.size() > before) {
      return RowPlan.invalid(row.number, key, skuText, check.errors);
    }
    claim(check, ctx, item, channel.value(), target, e.externalId);
    if (e.externalId.isSet() && !target.flatMap(l -> l.details().externalId()).equals(Optional.of(e.externalId.value()))) {
      if (!ExternalIdFormat.matches(channel.value(), e.externalId.value())) {
        check.add(EXTERNAL_ID, e.externalId.value(), ImportErrorCode.EXTERNAL_ID_FORMAT,
            ExternalIdFormat.describe(channel.value()) + " (channel " + channel.value() + ")");
      }
    }
    return target.isEmpty() ? create(row, item, channel.value(), e, check, ctx, key)
        : update(row, item, target.get(), channel.value(), e, check, ctx, key);
  }

  /** The listing the row is about, if it exists. */
  private static Optional<Listing> target(RowCheck check, Item item, Channel channel, Edit<ListingId> listingId,
      Edit<String> externalId, PlanContext ctx) {
    if (listingId.isSet()) {
      Optional<Listing> own = item.listing(listingId.value());
      if (own.isEmpty()) {
        String where = ctx.store.itemIdOfListing(ctx.workspace, listingId.value()).isPresent()
            ? "listing " + listingId.value() + " belongs to another item" : "no listing with this id";
        check.add(LISTING_ID, listingId.value().value(), ImportErrorCode.UNKNOWN_LISTING, where);
      }
      // a listing named by id on another channel than the row's: the ledger refuses the change of channel
      if (own.isPresent() && externalId.isSet()) {
        ctx.store.listingByExternalId(ctx.workspace, channel, externalId.value())
            .filter(owner -> !owner.equals(listingId.value()))
            .ifPresent(owner -> duplicateExternalId(check, ctx, channel, externalId.value(), owner));
      }
      return own;
    }
    if (externalId.isSet()) {
      Optional<ListingId> owner = ctx.store.listingByExternalId(ctx.workspace, channel, externalId.value());
      if (owner.isPresent()) {
        Optional<Listing> own = item.listing(owner.get());
        if (own.isEmpty()) {
          duplicateExternalId(check, ctx, channel, externalId.value(), owner.get());
        }
        return own;
      }
    }
    List<Listing> candidates = item.listings().values().stream()
        .filter(l -> l.details().channel().equals(channel) && l.status() != SyncStatus.ARCHIVED)
        .filter(l -> !externalId.isSet() || l.details().externalId().isEmpty())
        .toList();
    if (candidates.size() > 1) {
      check.add(LISTING_ID, null, ImportErrorCode.AMBIGUOUS_LISTING, "SKU " + item.sku() + " has "
          + candidates.size() + " listings on " + channel + " that this row could mean; give 'listing_id' (one of "
          + candidates.stream().map(l -> l.id().value()).toList() + ")");
      return Optional.empty();
    }
    return candidates.stream().findFirst();
  }

  private static void duplicateExternalId(RowCheck check, PlanContext ctx, Channel channel, String externalId,
      ListingId owner) {
    String other = ctx.store.itemIdOfListing(ctx.workspace, owner)
        .flatMap(id -> ctx.store.item(ctx.workspace, id)).map(i -> " of SKU " + i.sku()).orElse("");
    check.add(EXTERNAL_ID, externalId, ImportErrorCode.DUPLICATE_EXTERNAL_ID,
        "listing " + owner + other + " on " + channel + " already has this external id");
  }

  /** Two rows of one file may not name the same listing, or give one external id twice on a channel. */
  private static void claim(RowCheck check, PlanContext ctx, Item item, Channel channel, Optional<Listing> target,
      Edit<String> externalId) {
    String listingKey = target.map(l -> "L\u0000" + l.id().value())
        .orElse("N\u0000" + item.sku().value() + "\u0000" + channel.code() + "\u0000"
            + (externalId.isSet() ? externalId.value() : ""));
    if (!ctx.seen.add(listingKey)) {
      check.add(SKU, item.sku().value(), ImportErrorCode.DUPLICATE_IN_FILE,
          "an earlier row is about the same listing of SKU " + item.sku() + " on " + channel);
    }
    if (externalId.isSet() && !ctx.seen.add("X\u0000" + channel.code() + "\u0000" + externalId.value())) {
      check.add(EXTERNAL_ID, externalId.value(), ImportErrorCode.DUPLICATE_EXTERNAL_ID,
          "an earlier row gives the same external id on " + channel);
    }
  }

  private static RowPlan create(Row row, Item item, Channel channel, Edits e, RowCheck check, PlanContext ctx,
      String key) {
    // which statuses a new listing starts in, an archived item, and the photos needed to go LIVE: the ledger
    SyncStatus status = e.status.isSet() ? e.status.value() : SyncStatus.DRAFT;
    Currency currency = e.currency.isSet() ? e.currency.value()
        : e.price.isSet() ? e.price.value().currency().orElse(item.details().costBasis().currency())
        : item.details().costBasis().currency();
    Optional<ListingDetails> details = build(check, channel, Optional.empty(), e, currency);
    List<Command> commands = details.map(d -> List.<Command>of(new CreateListing(item.sku(), d, status, ctx.origin)))
        .orElse(List.of());
    if (!check.ok()) {
      return RowPlan.invalid(row.number, key, Optional.of(item.sku().value()), check.errors, commands);
    }
    return RowPlan.create(row.number, key, item.sku().value(), commands);
  }

  private static RowPlan update(Row row, Item item, Listing listing, Channel channel, Edits e, RowCheck check,
      PlanContext ctx, String key) {
    Currency currency = e.currency.isSet() ? e.currency.value() : listing.details().price().currency();
    if (!e.price.isSet() && !currency.equals(listing.details().price().currency())) {
      check.add(PRICE, null, ImportErrorCode.REQUIRED, "a new currency needs the price in it");
    }
    // the row's channel: a listing stays on its channel, which is the ledger's to say
    Optional<ListingDetails> built = build(check, channel, Optional.of(listing.details()), e, currency);
    ListingDetails after = built.orElse(listing.details());
    SyncStatus status = e.status.isSet() ? e.status.value() : listing.status();
    Optional<String> error = status == SyncStatus.ERROR && status != listing.status()
        ? (e.error.isSet() ? Optional.of(e.error.value()) : Optional.empty()) : listing.lastError();
    List<FieldDiff> changes = Diffs.of(COLUMNS, cells(item, listing),
        cells(item.sku(), listing.id(), after, status, error));
    List<Command> commands = new ArrayList<>();
    if (built.isPresent() && !after.equals(listing.details())) {
      commands.add(new ChangeListing(listing.id(), after, ctx.origin));
    }
    if (status != listing.status()) {
      // the move itself, an archived item and the photos needed to go LIVE are the ledger's to check
      commands.add(new ChangeListingStatus(listing.id(), status,
          status == SyncStatus.ERROR ? error : Optional.empty(), ctx.origin));
    }
    if (!check.ok() || built.isEmpty()) {
      return RowPlan.invalid(row.number, key, Optional.of(item.sku().value()), check.errors, commands);
    }
    return RowPlan.update(row.number, key, item.sku().value(), changes, commands);
  }

  /**
   * The details after the row's edits, built once: the builder refuses every bad field at once
   * ({@link RejectionException#all()}), each reported in its column unless that cell already has an error;
   * a required field left without a value is reported {@code REQUIRED}, and then given a neutral placeholder
   * for one more build, so that the other fields are checked in the same preview (such details are only
   * previewed, never applied: the row has an error).
   */
  private static Optional<ListingDetails> build(RowCheck check, Channel channel, Optional<ListingDetails> stored,
      Edits e, Currency currency) {
    Optional<ListingDetails> s = stored;
    Optional<Money> storedPrice = s.map(ListingDetails::price).filter(p -> p.currency().equals(currency));
    Optional<Money> price = storedPrice;
    if (e.price.isSet()) {
      try {
        price = Optional.of(e.price.value().in(currency));
      } catch (BadCell bad) {
        check.add(PRICE, check.row.raw(PRICE).strip(), bad.code, bad.getMessage());
      } catch (RejectionException r) {
        check.add(PRICE.name(), r);
      }
    }
    Optional<Money> usable = price;
    java.util.function.Supplier<ListingDetails.Builder> builder = () -> {
      ListingDetails.Builder b = ListingDetails.builder()
          .channel(channel)
          .externalId(e.externalId.applyTo(s.flatMap(ListingDetails::externalId)))
          .url(e.url.applyTo(s.flatMap(ListingDetails::url)))
          .description(e.description.applyTo(s.flatMap(ListingDetails::description)))
          .shippingProfile(e.shipping.applyTo(s.flatMap(ListingDetails::shippingProfile)));
      (e.title.isSet() ? Optional.of(e.title.value()) : s.map(ListingDetails::title)).ifPresent(b::title);
      usable.ifPresent(b::price);
      (e.listed.isSet() ? Optional.of(e.listed.value()) : s.map(ListingDetails::listedQuantity))
          .ifPresent(b::listedQuantity);
      return b;
    };
    try {
      return Optional.of(builder.get().build());
    } catch (RejectionException r) {
      List<String> missing = report(check, r);
      if (missing.isEmpty()) {
        return Optional.empty();
      }
      ListingDetails.Builder b = builder.get();
      for (String field : missing) {
        switch (field) {
          case "title" -> b.title("-");
          case "price" -> b.price(Money.of(java.math.BigDecimal.ZERO, currency.getCurrencyCode()));
          case "listedQuantity" -> b.listedQuantity(0);
          default -> { }
        }
      }
      try {
        return Optional.of(b.build());
      } catch (RejectionException again) {
        report(check, again);
        return Optional.empty();
      }
    }
  }

  /** Adds each problem of a refused build to its column (once per cell); returns the fields found missing. */
  private static List<String> report(RowCheck check, RejectionException r) {
    List<String> missing = new ArrayList<>();
    for (RejectionException p : r.all()) {
      String column = column(p);
      boolean cellError = check.errors.stream().anyMatch(x -> x.column().equals(Optional.of(column)));
      if (p.code() == org.resellledger.core.RejectionCode.MISSING_FIELD) {
        missing.add(p.field());
        if (!cellError) {
          check.errors.add(RowError.of(check.row.number, column, null, ImportErrorCode.REQUIRED,
              "required for a new listing"));
        }
      } else if (!cellError) {
        check.add(column, p);
      }
    }
    return missing;
  }

  /** The CSV column a ledger rejection's field belongs to (of the details, or of a listings row's commands). */
  static String column(RejectionException r) {
    return switch (r.field()) {
      case "listing.title", "title" -> TITLE.name();
      case "listing.url", "url" -> URL.name();
      case "listing.externalId", "externalId" -> EXTERNAL_ID.name();
      case "listing.description", "description" -> DESCRIPTION.name();
      case "listing.shippingProfile", "shippingProfile" -> SHIPPING_PROFILE.name();
      case "listing.price", "price", "amount" -> PRICE.name();
      case "listing.listedQuantity", "listedQuantity" -> LISTED_QUANTITY.name();
      case "channel" -> CHANNEL.name();
      case "status", "to", "photoStatus" -> SYNC_STATUS.name(); // photos are needed to go LIVE
      case "error" -> SYNC_ERROR.name();
      case "sku" -> SKU.name();
      default -> r.field();
    };
  }
}
