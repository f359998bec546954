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
    Optional<Item> found = ctx.item(sku.value());
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
      try {
        ExternalIds.check(channel.value(), e.externalId.value());
      } catch (BadCell bad) {
        check.add(EXTERNAL_ID, e.externalId.value(), bad.code, bad.getMessage() + " (channel " + channel.value() + ")");
      }
    }
    return target.isEmpty() ? create(row, item, channel.value(), e, check, ctx, key)
        : update(row, item, target.get(), e, check, ctx, key);
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
      } else if (!own.get().details().channel().equals(channel)) {
        check.add(CHANNEL, channel.code(), ImportErrorCode.INVALID_VALUE,
            "listing " + listingId.value() + " is on " + own.get().details().channel() + "; a listing stays on its channel");
      }
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
    check.required(TITLE, e.title, "listing");
    check.required(PRICE, e.price, "listing");
    check.required(LISTED_QUANTITY, e.listed, "listing");
    SyncStatus status = e.status.isSet() ? e.status.value() : SyncStatus.DRAFT;
    if (status != SyncStatus.DRAFT && status != SyncStatus.LIVE) {
      check.add(SYNC_STATUS, status.name(), ImportErrorCode.ILLEGAL_LISTING_STATUS_TRANSITION,
          "a new listing starts as DRAFT or LIVE");
    }
    Currency currency = e.currency.isSet() ? e.currency.value()
        : e.price.isSet() ? e.price.value().currency().orElse(item.details().costBasis().currency())
        : item.details().costBasis().currency();
    Optional<ListingDetails> details = build(check, channel, Optional.empty(), e, currency);
    if (item.archived()) {
      check.add(SKU, item.sku().value(), ImportErrorCode.ITEM_ARCHIVED, "SKU " + item.sku() + " is archived");
    }
    if (status == SyncStatus.LIVE) {
      photos(check, item, ctx);
    }
    if (!check.ok() || details.isEmpty()) {
      return RowPlan.invalid(row.number, key, Optional.of(item.sku().value()), check.errors);
    }
    return RowPlan.create(row.number, key, item.sku().value(),
        List.of(new CreateListing(item.sku(), details.get(), status, ctx.origin)));
  }

  private static RowPlan update(Row row, Item item, Listing listing, Edits e, RowCheck check, PlanContext ctx,
      String key) {
    Currency currency = e.currency.isSet() ? e.currency.value() : listing.details().price().currency();
    if (!e.price.isSet() && !currency.equals(listing.details().price().currency())) {
      check.add(PRICE, null, ImportErrorCode.REQUIRED, "a new currency needs the price in it");
    }
    Optional<ListingDetails> built = build(check, listing.details().channel(), Optional.of(listing.details()), e,
        currency);
    // the status checks below still run when the edited details are invalid, against the stored ones
    ListingDetails after = built.orElse(listing.details());
    SyncStatus status = e.status.isSet() ? e.status.value() : listing.status();
    Optional<String> error = status == SyncStatus.ERROR && status != listing.status()
        ? (e.error.isSet() ? Optional.of(e.error.value()) : Optional.empty()) : listing.lastError();
    List<FieldDiff> changes = Diffs.of(COLUMNS, cells(item, listing),
        cells(item.sku(), listing.id(), after, status, error));
    List<Command> commands = new ArrayList<>();
    if (!after.equals(listing.details())) {
      commands.add(new ChangeListing(listing.id(), after, ctx.origin));
    }
    if (status != listing.status()) {
      if (!listing.status().canMoveTo(status)) {
        check.add(SYNC_STATUS, status.name(), ImportErrorCode.ILLEGAL_LISTING_STATUS_TRANSITION,
            "listing " + listing.id() + " cannot move from " + listing.status() + " to " + status + "; allowed: "
                + listing.status().next());
      } else {
        if (status == SyncStatus.LIVE) {
          photos(check, item, ctx);
        }
        commands.add(new ChangeListingStatus(listing.id(), status,
            status == SyncStatus.ERROR ? error : Optional.empty(), ctx.origin));
      }
    }
    if (!commands.isEmpty() && item.archived()) {
      check.add(SKU, item.sku().value(), ImportErrorCode.ITEM_ARCHIVED, "SKU " + item.sku() + " is archived");
    }
    if (!check.ok() || built.isEmpty()) {
      return RowPlan.invalid(row.number, key, Optional.of(item.sku().value()), check.errors);
    }
    return RowPlan.update(row.number, key, item.sku().value(), changes, commands);
  }

  private static void photos(RowCheck check, Item item, PlanContext ctx) {
    if (ctx.photosMissingForPublishing(item.details())) {
      check.add(SYNC_STATUS, SyncStatus.LIVE.name(), ImportErrorCode.PHOTOS_REQUIRED, "SKU " + item.sku()
          + " is worth " + item.details().value() + " and its photos are " + item.details().photoStatus()
          + "; it can go LIVE only with COMPLETE photos");
    }
  }

  /**
   * The details after the row's edits; empty when the row has any error. Like the items file, it runs on a
   * row with cell errors too: a required field without a usable value gets a stand-in, and each field the
   * builder refuses is reported once, then stood in for, so that every problem shows in one preview.
   */
  private static Optional<ListingDetails> build(RowCheck check, Channel channel, Optional<ListingDetails> stored,
      Edits e, Currency currency) {
    Optional<ListingDetails> s = stored;
    Optional<Money> price = s.map(ListingDetails::price).filter(p -> p.currency().equals(currency));
    if (e.price.isSet()) {
      try {
        price = Optional.of(e.price.value().in(currency));
      } catch (BadCell bad) {
        check.add(PRICE, check.row.raw(PRICE).strip(), bad.code, bad.getMessage());
      } catch (RejectionException r) {
        check.add(PRICE.name(), r);
      }
    }
    java.util.Set<String> standIn = new java.util.HashSet<>();
    for (int attempt = 0; attempt <= COLUMNS.size(); attempt++) {
      java.util.function.Predicate<Column> own = c -> !standIn.contains(c.name());
      try {
        ListingDetails built = ListingDetails.builder()
            .channel(channel)
            .externalId(own.test(EXTERNAL_ID) ? e.externalId.applyTo(s.flatMap(ListingDetails::externalId))
                : Optional.empty())
            .url(own.test(URL) ? e.url.applyTo(s.flatMap(ListingDetails::url)) : Optional.empty())
            .title(own.test(TITLE) && e.title.isSet() ? e.title.value()
                : own.test(TITLE) ? s.map(ListingDetails::title).orElse("-") : "-")
            .description(own.test(DESCRIPTION) ? e.description.applyTo(s.flatMap(ListingDetails::description))
                : Optional.empty())
            .price(own.test(PRICE) && price.isPresent() ? price.get()
                : Money.of(java.math.BigDecimal.ZERO, currency.getCurrencyCode()))
            .shippingProfile(own.test(SHIPPING_PROFILE)
                ? e.shipping.applyTo(s.flatMap(ListingDetails::shippingProfile)) : Optional.empty())
            .listedQuantity(own.test(LISTED_QUANTITY) && e.listed.isSet() ? e.listed.value()
                : own.test(LISTED_QUANTITY) ? s.map(ListingDetails::listedQuantity).orElse(0) : 0)
            .build();
        return check.ok() ? Optional.of(built) : Optional.empty();
      } catch (RejectionException r) {
        String column = switch (r.field()) {
          case "listing.title" -> TITLE.name();
          case "listing.url" -> URL.name();
          case "listing.externalId" -> EXTERNAL_ID.name();
          case "listing.description" -> DESCRIPTION.name();
          case "listing.shippingProfile" -> SHIPPING_PROFILE.name();
          case "listing.price" -> PRICE.name();
          case "listing.listedQuantity" -> LISTED_QUANTITY.name();
          default -> r.field();
        };
        if (!standIn.add(column)) {
          return Optional.empty();
        }
        if (check.errors.stream().noneMatch(x -> x.column().equals(Optional.of(column)))) {
          check.add(column, r);
        }
      }
    }
    return Optional.empty();
  }

}
