package org.resellledger.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.core.store.StreamState;

/**
 * The queue of locations to count: every location where the ledger keeps units on hand (of items not
 * archived) that no closed count verified, or none within the policy's {@code uncountedAfter}. A count of
 * a location verifies everything under it. Locations are not records of their own, so a page walks the
 * items (in store pages) and holds one total per location, never the items.
 */
final class LocationRulesOfQueues {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final QueuePolicy policy;

  LocationRulesOfQueues(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.policy = policy;
  }

  /** What the ledger keeps at one location. */
  private static final class AtLocation {
    final StorageLocation location;
    int items;
    long onHand;
    long available;

    AtLocation(StorageLocation location) {
      this.location = location;
    }
  }

  /** One page of the queue, by location text, after the location {@code after}. */
  Page<QueueEntry> page(Optional<String> after, int limit) {
    List<LocationCount> counts = counts();
    TreeMap<String, AtLocation> places = new TreeMap<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<Item> page = store.itemPage(workspace, ItemQuery.all(), cursor, Queues.BATCH);
      for (Item item : page.rows()) {
        String where = item.details().location().toString();
        if (!item.archived() && item.quantity() > 0 && after.map(a -> where.compareTo(a) > 0).orElse(true)) {
          AtLocation at = places.computeIfAbsent(where, w -> new AtLocation(item.details().location()));
          at.items++;
          at.onHand += item.quantity();
          at.available += item.available();
        }
      }
      cursor = page.next();
    } while (cursor.isPresent());
    Instant now = config.clock().instant();
    List<QueueEntry> out = new ArrayList<>();
    for (AtLocation at : places.values()) {
      Optional<LocationCount> last = counts.stream().filter(c -> CountStreams.covers(c.location(), at.location))
          .max(java.util.Comparator.comparing(LocationCount::lastVerified));
      if (last.isPresent() && last.get().lastVerified().plus(policy.uncountedAfter()).isAfter(now)) {
        continue;
      }
      if (out.size() == limit) {
        return new Page<>(out, Optional.of(out.get(out.size() - 1).subject()));
      }
      out.add(entry(at, last, now));
    }
    return new Page<>(out, Optional.empty());
  }

  private static QueueEntry entry(AtLocation at, Optional<LocationCount> last, Instant now) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("location", at.location.toString());
    figures.put("lastVerified", last.map(c -> c.lastVerified().toString()).orElse("never"));
    last.ifPresent(c -> figures.put("daysSinceVerified", Long.toString(Duration.between(c.lastVerified(), now).toDays())));
    last.ifPresent(c -> figures.put("lastCount", c.session().value() + " at " + c.location()));
    figures.put("items", Integer.toString(at.items));
    figures.put("units.onHand", Long.toString(at.onHand));
    figures.put("units.available", Long.toString(at.available));
    List<EventId> evidence = last.map(c -> List.of(c.closedBy())).orElse(List.of());
    String summary = at.location + ": " + at.items + " items, " + at.onHand + " units on hand, "
        + last.map(c -> "last counted " + c.lastVerified()).orElse("never counted");
    return new QueueEntry(QueueKind.UNCOUNTED_LOCATION, at.location.toString(), summary, evidence, figures,
        "count it: OpenCount " + at.location + ", RecordCount each SKU found, CloseCount", Optional.empty());
  }

  private List<LocationCount> counts() {
    List<LocationCount> counts = new ArrayList<>();
    for (KeyedStream k : store.streamsWithKeyPrefix(workspace, CountStreams.LOCATION, CountStreams.LOCATION_KEY, "",
        CountBook.MAX)) {
      store.state(workspace, k.stream()).map(StreamState::state).map(LocationCount.class::cast).ifPresent(counts::add);
    }
    return counts;
  }
}
