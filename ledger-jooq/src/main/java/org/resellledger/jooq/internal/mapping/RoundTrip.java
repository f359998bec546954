package org.resellledger.jooq.internal.mapping;

import java.util.function.Supplier;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.StorableText;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerStreamsRecord;

/**
 * The round-trip guard: a row a commit is about to write must read back, with the mapping every read uses,
 * equal to the value it was made from; otherwise the commit is refused {@code INVALID_VALUE}, naming the
 * value and why, before anything is written. A value that reads back otherwise (a {@code BigDecimal}'s
 * scale), or not at all (a field typed by an interface), would leave its stream unreadable for good, since
 * events are never changed. What is read back depends on who made the type, to keep a sale's cost small:
 *
 * <ul>
 *   <li>the state of a stream of a registered kind is read back in full, and its document is checked for
 *       text no database keeps (an unpaired surrogate, which PostgreSQL stores as "?"): its type is a
 *       concept's, which this store has never seen;
 *   <li>an item's and a listing's details are read back in full (a parse the read cache keeps, so cheap);
 *   <li>event payloads and order bodies, core's own closed set of types, have their documents checked for
 *       that text only, not parsed (a parse of both costs about 12 us per sale, 1-2% of a single sale's
 *       commit and about 12% of a sale in a batch of 100): each kind is proved to read back equal with
 *       every field filled ({@code PayloadJsonTest}, {@code ProjectionRowsTest}), its amounts, quantities,
 *       instants and dates are bounded at the door and mapped exactly (decimals as written, ISO-8601 to the
 *       nanosecond), so the text a database changes is the one way left for them to read back otherwise;
 *   <li>the rest of a row is numbers, enum names and checked ids, which the columns keep exactly.
 * </ul>
 */
public final class RoundTrip {
  private RoundTrip() {}

  public static void event(LedgerEvent e, LedgerEventsRecord row) {
    StorableText.check(e.kind() + " payload", row.getPayload(), Integer.MAX_VALUE);
  }

  public static void item(Item item, LedgerItemsRecord row) {
    same("item " + item.sku() + " details", item.details(), () -> ItemRows.readDetails(row), row.getDetails());
  }

  public static void listing(Listing listing, LedgerListingsRecord row) {
    same("listing " + listing.id() + " projection", listing, () -> ItemRows.readListing(row, listing.item()),
        row.getDetails());
  }

  public static void order(Order order, LedgerOrdersRecord row) {
    StorableText.check("order " + order.id() + " body", row.getBody(), Integer.MAX_VALUE);
  }

  public static void state(StreamState s, LedgerStreamsRecord row) {
    String field = s.stream().kind() + " state";
    StorableText.check(field, row.getBody(), Integer.MAX_VALUE);
    same(field, s.state(), () -> StreamRows.fromRecord(row, s.keys()).state(), row.getBody());
  }

  private static void same(String field, Object given, Supplier<Object> readBack, String stored) {
    Object back;
    try {
      back = StoredValues.read(readBack);
    } catch (RuntimeException e) {
      throw RejectionException.invalid(field, shortened(stored), "the store's JSON of it cannot be read back ("
          + rootMessage(e) + ")");
    }
    if (!given.equals(back)) {
      throw RejectionException.invalid(field, shortened(stored), "the store would keep it otherwise: it reads back as "
          + back + ", given " + given);
    }
  }

  private static String shortened(String stored) {
    return stored.length() <= 200 ? stored : stored.substring(0, 200) + "...";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int line = message.indexOf('\n');
    return line < 0 ? message : message.substring(0, line);
  }
}
