package org.resellledger.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemFact.ItemAcquired;
import org.resellledger.core.item.ItemFact.ItemStatusChanged;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDiscrepancy;
import org.resellledger.core.listing.ListingFact.ListingCreated;
import org.resellledger.core.listing.ListingFact.ListingStatusChanged;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.ChannelSaleRecorded;
import org.resellledger.core.order.OrderItemFact.LocalSaleRecorded;
import org.resellledger.core.order.OrderItemFact.ReturnReceived;
import org.resellledger.core.order.OrderItemFact.SaleCancelled;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.LedgerStore;

/**
 * The rules of the queues about items: each takes an item the store's query returned and says whether it
 * belongs in its queue, with the evidence read from the item's stream.
 */
final class ItemRulesOfQueues {
  /** Items someone still works on: not archived, sold out, lost or damaged. */
  static final ItemQuery WORKING = ItemQuery.all().statuses(ItemStatus.NEEDS_PHOTOS, ItemStatus.READY_TO_LIST,
      ItemStatus.LISTED, ItemStatus.HELD, ItemStatus.CONSIGNED, ItemStatus.LOCAL_PICKUP, ItemStatus.NEEDS_INSPECTION);
  static final ItemQuery STUCK = ItemQuery.all().statuses(ItemStatus.NEEDS_PHOTOS, ItemStatus.HELD,
      ItemStatus.NEEDS_INSPECTION);

  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final QueuePolicy policy;

  ItemRulesOfQueues(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.policy = policy;
  }

  private static Optional<Pending> pending(Item item,
      java.util.function.Function<List<LedgerEvent>, Optional<QueueEntry>> finish) {
    return Optional.of(new Pending(StreamId.of(item.id()), finish));
  }

  private Instant now() {
    return config.clock().instant();
  }

  // ---- each queue: a check on the item's own fields, then the entry from its stream -----------------------

  Optional<Pending> doubleSale(Item item) {
    return item.hasConflict() ? pending(item, s -> doubleSaleEntry(item, s)) : Optional.empty();
  }

  Optional<Pending> syncError(Item item) {
    return item.listings().values().stream().anyMatch(l -> l.status() == SyncStatus.ERROR)
        ? pending(item, s -> syncErrorEntry(item, s)) : Optional.empty();
  }

  Optional<Pending> discrepancy(Item item) {
    return item.listings().values().stream().anyMatch(l -> !l.discrepancies().isEmpty())
        ? pending(item, s -> discrepancyEntry(item, s)) : Optional.empty();
  }

  Optional<Pending> awaitingInspection(Item item) {
    return item.balances().get(Bucket.INSPECTION) > 0 ? pending(item, s -> awaitingInspectionEntry(item, s))
        : Optional.empty();
  }

  Optional<Pending> staleDraft(Item item) {
    return item.listings().values().stream().anyMatch(l -> l.status() == SyncStatus.DRAFT)
        ? pending(item, s -> staleDraftEntry(item, s)) : Optional.empty();
  }

  Optional<Pending> stuck(Item item) {
    return ItemStatus.STUCK.contains(item.status()) ? pending(item, s -> stuckEntry(item, s)) : Optional.empty();
  }

  Optional<Pending> missingPhotos(Item item) {
    return missingPhotosEntry(item, List.of()).isPresent() ? pending(item, s -> missingPhotosEntry(item, s))
        : Optional.empty();
  }

  Optional<Pending> noListing(Item item) {
    return item.listings().isEmpty() && item.available() > 0 ? pending(item, s -> noListingEntry(item, s))
        : Optional.empty();
  }

  private static QueueEntry entry(QueueKind kind, Item item, String summary, List<EventId> evidence,
      Map<String, String> figures, String action) {
    return new QueueEntry(kind, item.sku().value(), summary, evidence, figures, action, Optional.empty());
  }

  /**
   * Who keeps the units (orders whose sale committed them), and which order is short; the three ways out
   * are a found unit, a like-for-like substitute, or cancelling the short order.
   */
  private Optional<QueueEntry> doubleSaleEntry(Item item, List<LedgerEvent> stream) {
    if (!item.hasConflict()) {
      return Optional.empty();
    }
    List<OrderId> cancelled = new ArrayList<>();
    List<LedgerEvent> sales = new ArrayList<>();
    for (LedgerEvent e : stream) {
      if (e.payload() instanceof ChannelSaleRecorded || e.payload() instanceof LocalSaleRecorded) {
        sales.add(e);
      } else if (e.payload() instanceof SaleCancelled) {
        cancelled.add(e.order().orElseThrow());
      }
    }
    List<OrderId> short_ = item.conflicts().stream().map(SaleConflict::order).toList();
    List<String> keepers = new ArrayList<>();
    List<EventId> evidence = new ArrayList<>();
    for (LedgerEvent e : sales) {
      OrderId order = e.order().orElseThrow();
      int committed = committed(e);
      if (short_.contains(order) || (committed > 0 && !cancelled.contains(order))) {
        evidence.add(e.id());
      }
      if (committed > 0 && !cancelled.contains(order) && !short_.contains(order)) {
        keepers.add(order.value());
      }
    }
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("available", String.valueOf(item.available()));
    figures.put("committed", String.valueOf(item.balances().get(Bucket.COMMITTED)));
    for (SaleConflict c : item.conflicts()) {
      figures.put("short." + c.order().value(), String.valueOf(c.shortfall()));
    }
    figures.put("keeps", String.join(",", keepers));
    String toCancel = short_.stream().map(OrderId::value).collect(Collectors.joining(", "));
    String action = (keepers.isEmpty() ? "" : "order " + String.join(", ", keepers) + " keeps the units; ")
        + "order " + toCancel + " is short: cover it with a unit found since (RecordFoundUnit, with a reason), "
        + "fulfil it from a like-for-like item with units available (SubstituteSaleLine, with a reason), "
        + "or cancel order " + toCancel + " (CancelOrder) and refund its buyer (IssueRefund) if it was paid";
    return Optional.of(entry(QueueKind.DOUBLE_SALE, item, "double sale of " + item.sku() + ": "
        + item.conflicts().stream().mapToInt(SaleConflict::shortfall).sum() + " units short", evidence, figures,
        action));
  }

  private static int committed(LedgerEvent e) {
    if (e.payload() instanceof ChannelSaleRecorded s) {
      return s.committed();
    }
    return e.payload() instanceof LocalSaleRecorded l ? l.committed() : 0;
  }

  private Optional<QueueEntry> syncErrorEntry(Item item, List<LedgerEvent> stream) {
    List<Listing> failing = item.listings().values().stream().filter(l -> l.status() == SyncStatus.ERROR).toList();
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    Map<String, LedgerEvent> last = new LinkedHashMap<>();
    for (LedgerEvent e : stream) {
      if (e.payload() instanceof ListingStatusChanged c && c.to() == SyncStatus.ERROR) {
        last.put(c.listing().value(), e);
      } else if (e.payload() instanceof ListingCreated c && c.status() == SyncStatus.ERROR) {
        last.put(c.listing().value(), e);
      }
    }
    Map<String, String> figures = new LinkedHashMap<>();
    List<EventId> evidence = new ArrayList<>();
    for (Listing l : failing) {
      figures.put(l.id().value() + ".channel", l.details().channel().code());
      figures.put(l.id().value() + ".error", l.lastError().orElse("(no message)"));
      Optional.ofNullable(last.get(l.id().value())).ifPresent(e -> evidence.add(e.id()));
    }
    return Optional.of(entry(QueueKind.SYNC_ERROR, item, failing.size() + " listing(s) of " + item.sku()
        + " in ERROR", evidence, figures, "fix the cause named in the error, then move the listing on "
        + "(ChangeListingStatus to DRAFT, LIVE, PAUSED or ENDED)"));
  }

  private Optional<QueueEntry> discrepancyEntry(Item item, List<LedgerEvent> stream) {
    List<ListingDiscrepancy> found = item.listings().values().stream()
        .flatMap(l -> l.discrepancies().stream()).toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> figures = new LinkedHashMap<>();
    for (ListingDiscrepancy d : found) {
      figures.put(d.listing().value() + "." + d.field(), "ledger " + d.local() + ", channel " + d.channel());
    }
    return Optional.of(entry(QueueKind.LISTING_DISCREPANCY, item, found.size() + " channel figure(s) of "
        + item.sku() + " disagree with the ledger", found.stream().map(ListingDiscrepancy::evidence).distinct()
        .toList(), figures, "accept the channel's figure (ChangeListing / ChangeListingStatus) or send the "
        + "ledger's to the channel (a sync proposal)"));
  }

  private Optional<QueueEntry> awaitingInspectionEntry(Item item, List<LedgerEvent> stream) {
    long waiting = item.balances().get(Bucket.INSPECTION);
    if (waiting == 0) {
      return Optional.empty();
    }
    List<EventId> evidence = stream.stream().filter(e -> e.payload() instanceof ReturnReceived)
        .map(LedgerEvent::id).toList();
    return Optional.of(entry(QueueKind.AWAITING_INSPECTION, item, waiting + " returned unit(s) of " + item.sku()
        + " wait for inspection", evidence, Map.of("inspection", String.valueOf(waiting)),
        "inspect them: restock, damaged or write off (InspectReturn)"));
  }

  private Optional<QueueEntry> staleDraftEntry(Item item, List<LedgerEvent> stream) {
    Instant before = now().minus(policy.staleDraft());
    Map<String, LedgerEvent> created = new LinkedHashMap<>();
    for (LedgerEvent e : stream) {
      if (e.payload() instanceof ListingCreated c) {
        created.put(c.listing().value(), e);
      }
    }
    Map<String, String> figures = new LinkedHashMap<>();
    List<EventId> evidence = new ArrayList<>();
    for (Listing l : item.listings().values()) {
      LedgerEvent made = created.get(l.id().value());
      if (l.status() == SyncStatus.DRAFT && made != null && made.occurredAt().isBefore(before)) {
        figures.put(l.id().value() + ".draftedAt", made.occurredAt().toString());
        figures.put(l.id().value() + ".days", String.valueOf(Duration.between(made.occurredAt(), now()).toDays()));
        evidence.add(made.id());
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(entry(QueueKind.STALE_DRAFT, item, evidence.size() + " draft listing(s) of " + item.sku()
        + " older than " + policy.staleDraft().toDays() + " days", evidence, figures,
        "publish it (ChangeListingStatus to LIVE) or drop it (ChangeListingStatus to ARCHIVED)"));
  }

  private Optional<QueueEntry> stuckEntry(Item item, List<LedgerEvent> stream) {
    if (!ItemStatus.STUCK.contains(item.status())
        || (item.status() == ItemStatus.NEEDS_INSPECTION && item.balances().get(Bucket.INSPECTION) > 0)) {
      return Optional.empty(); // units waiting for inspection are in AWAITING_INSPECTION already
    }
    LedgerEvent since = null;
    for (LedgerEvent e : stream) {
      if (e.payload() instanceof ItemStatusChanged c && c.to() == item.status()
          || e.payload() instanceof ItemAcquired a && a.status() == item.status() && since == null) {
        since = e;
      }
    }
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("status", item.status().name());
    List<EventId> evidence = new ArrayList<>();
    if (since != null) {
      figures.put("since", since.occurredAt().toString());
      figures.put("days", String.valueOf(Duration.between(since.occurredAt(), now()).toDays()));
      evidence.add(since.id());
    }
    String action = switch (item.status()) {
      case NEEDS_PHOTOS -> "take the photos and record them (ChangeItemDetails with photoStatus COMPLETE)";
      case HELD -> "release the units (ReleaseUnits) or move the item on (ChangeItemStatus)";
      default -> "decide what the item is now (ChangeItemStatus)";
    };
    return Optional.of(entry(QueueKind.STUCK_STATUS, item, item.sku() + " is " + item.status(), evidence, figures,
        action));
  }

  private Optional<QueueEntry> missingPhotosEntry(Item item, List<LedgerEvent> stream) {
    Money value = item.details().value();
    Optional<Money> threshold = config.photoThreshold(value.currency());
    if (item.details().photoStatus() == PhotoStatus.COMPLETE || item.quantity() == 0
        || threshold.map(t -> value.compareTo(t) <= 0).orElse(false)) {
      return Optional.empty();
    }
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("value", value.toString());
    figures.put("threshold", threshold.map(Money::toString).orElse("(none: every value)"));
    figures.put("photoStatus", item.details().photoStatus().name());
    return Optional.of(entry(QueueKind.MISSING_PHOTOS, item, item.sku() + " is worth " + value
        + " and has " + item.details().photoStatus() + " photos", valueEvidence(stream), figures,
        "complete its photos (ChangeItemDetails with photoStatus COMPLETE)"));
  }

  private Optional<QueueEntry> noListingEntry(Item item, List<LedgerEvent> stream) {
    if (!item.listings().isEmpty() || item.available() == 0) {
      return Optional.empty();
    }
    return Optional.of(entry(QueueKind.NO_LISTING, item, item.available() + " unit(s) of " + item.sku()
        + " are listed nowhere", valueEvidence(stream), Map.of("available", String.valueOf(item.available())),
        "list it (CreateListing)"));
  }

  /** The events that set the item's details as they are: its intake and its later corrections. */
  private static List<EventId> valueEvidence(List<LedgerEvent> stream) {
    return stream.stream().filter(e -> e.payload() instanceof ItemAcquired
        || e.payload() instanceof org.resellledger.core.item.ItemFact.ItemFieldsChanged
        || e.payload() instanceof org.resellledger.core.item.ItemFact.MarketValueEstimated
        || e.payload() instanceof org.resellledger.core.bundle.BundleFact).map(LedgerEvent::id).toList();
  }
}
