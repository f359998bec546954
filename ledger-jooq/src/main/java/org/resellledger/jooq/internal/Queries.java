package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_RECEIPTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.jooq.internal.mapping.EventRows;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.mapping.ReceiptRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;

/**
 * The store's reads. Each is one statement, filtered by workspace first and served by an index whose
 * leading column is the workspace (see the migration). Orderings that must match the in-memory reference
 * exactly (items by SKU, orders by placement time then id) are applied in Java, because database
 * collations do not order text the way {@link String#compareTo} does.
 */
public final class Queries {
  /** Ids per IN list: well below every driver's bind-value limit. */
  private static final int IN_CHUNK = 500;
  private static final int FETCH_SIZE = 1_000;

  private Queries() {}

  public static List<Item> items(DSLContext dsl, WorkspaceId ws) {
    List<Item> items = items(dsl, LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()));
    items.sort(Comparator.comparing(Item::sku));
    return items;
  }

  /** Items with their listings, from one join, so an item and its listings are read in one snapshot. */
  private static List<Item> items(DSLContext dsl, Condition where) {
    Result<Record> rows = dsl.select(LEDGER_ITEMS.fields())
        .select(LEDGER_LISTINGS.fields())
        .from(LEDGER_ITEMS)
        .leftJoin(LEDGER_LISTINGS)
        .on(LEDGER_LISTINGS.WORKSPACE_ID.eq(LEDGER_ITEMS.WORKSPACE_ID)
            .and(LEDGER_LISTINGS.ITEM_ID.eq(LEDGER_ITEMS.ITEM_ID)))
        .where(where)
        .orderBy(LEDGER_ITEMS.ITEM_ID, LEDGER_LISTINGS.POSITION)
        .fetch();
    Map<String, LedgerItemsRecord> itemRows = new LinkedHashMap<>();
    Map<String, List<LedgerListingsRecord>> listingRows = new HashMap<>();
    for (Record row : rows) {
      String id = row.get(LEDGER_ITEMS.ITEM_ID);
      itemRows.computeIfAbsent(id, k -> row.into(LEDGER_ITEMS));
      List<LedgerListingsRecord> listings = listingRows.computeIfAbsent(id, k -> new ArrayList<>());
      if (row.get(LEDGER_LISTINGS.LISTING_ID) != null) {
        listings.add(row.into(LEDGER_LISTINGS));
      }
    }
    List<Item> items = new ArrayList<>(itemRows.size());
    itemRows.forEach((id, r) -> items.add(ItemRows.toItem(r, listingRows.get(id))));
    return items;
  }

  public static Optional<ItemId> itemId(DSLContext dsl, WorkspaceId ws, Sku sku) {
    return dsl.select(LEDGER_ITEMS.ITEM_ID)
        .from(LEDGER_ITEMS)
        .where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ITEMS.SKU.eq(sku.value())))
        .fetchOptional(LEDGER_ITEMS.ITEM_ID)
        .map(ItemId::of);
  }

  public static Optional<ItemId> itemIdOfListing(DSLContext dsl, WorkspaceId ws, ListingId listing) {
    return dsl.select(LEDGER_LISTINGS.ITEM_ID)
        .from(LEDGER_LISTINGS)
        .where(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_LISTINGS.LISTING_ID.eq(listing.value())))
        .fetchOptional(LEDGER_LISTINGS.ITEM_ID)
        .map(ItemId::of);
  }

  public static Optional<ListingId> listingByExternalId(DSLContext dsl, WorkspaceId ws, Channel channel,
      String externalId) {
    return dsl.select(LEDGER_LISTINGS.LISTING_ID)
        .from(LEDGER_LISTINGS)
        .where(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_LISTINGS.CHANNEL.eq(channel.code()))
            .and(LEDGER_LISTINGS.EXTERNAL_ID.eq(externalId)))
        .fetchOptional(LEDGER_LISTINGS.LISTING_ID)
        .map(ListingId::of);
  }

  public static Optional<OrderId> orderByExternalId(DSLContext dsl, WorkspaceId ws, Channel channel,
      String externalOrderId) {
    return dsl.select(LEDGER_ORDERS.ORDER_ID)
        .from(LEDGER_ORDERS)
        .where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_ORDERS.CHANNEL.eq(channel.code()))
            .and(LEDGER_ORDERS.EXTERNAL_ORDER_ID.eq(externalOrderId)))
        .fetchOptional(LEDGER_ORDERS.ORDER_ID)
        .map(OrderId::of);
  }

  public static List<Order> orders(DSLContext dsl, WorkspaceId ws) {
    List<Order> orders = new ArrayList<>(dsl.selectFrom(LEDGER_ORDERS)
        .where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value()))
        .fetch(OrderRows::toOrder));
    orders.sort(Comparator.comparing(Order::placedAt).thenComparing(o -> o.id().value()));
    return orders;
  }

  public static List<LedgerEvent> stream(DSLContext dsl, WorkspaceId ws, StreamId stream) {
    return dsl.selectFrom(LEDGER_EVENTS)
        .where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_EVENTS.STREAM_KIND.eq(stream.kind().name()))
            .and(LEDGER_EVENTS.STREAM_ID.eq(stream.id())))
        .orderBy(LEDGER_EVENTS.VERSION)
        .fetch(EventRows::toEvent);
  }

  /** Events by id in the order asked (a repeated id comes back repeated); unknown ids are left out. */
  public static List<LedgerEvent> events(DSLContext dsl, WorkspaceId ws, Collection<EventId> ids) {
    List<String> asked = ids.stream().map(EventId::value).distinct().toList();
    Map<String, LedgerEvent> found = new HashMap<>();
    for (int from = 0; from < asked.size(); from += IN_CHUNK) {
      List<String> chunk = asked.subList(from, Math.min(asked.size(), from + IN_CHUNK));
      dsl.selectFrom(LEDGER_EVENTS)
          .where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_EVENTS.EVENT_ID.in(chunk)))
          .fetch(EventRows::toEvent)
          .forEach(e -> found.put(e.id().value(), e));
    }
    return ids.stream().map(id -> found.get(id.value())).filter(Objects::nonNull).toList();
  }

  /** Every event of the workspace in commit order, handed to {@code sink} one by one through a cursor. */
  public static long forEachEvent(DSLContext dsl, WorkspaceId ws, Consumer<LedgerEvent> sink) {
    return forEachEvent(dsl, ws, sink, LEDGER_EVENTS.SEQ);
  }

  /**
   * Every event of the workspace stream by stream (each stream's events together, in version order), handed
   * to {@code sink} one by one through a cursor over the stream-version key.
   */
  public static long forEachEventByStream(DSLContext dsl, WorkspaceId ws, Consumer<LedgerEvent> sink) {
    return forEachEvent(dsl, ws, sink, LEDGER_EVENTS.STREAM_KIND, LEDGER_EVENTS.STREAM_ID, LEDGER_EVENTS.VERSION);
  }

  private static long forEachEvent(DSLContext dsl, WorkspaceId ws, Consumer<LedgerEvent> sink,
      org.jooq.OrderField<?>... order) {
    return forEachRow(dsl.selectFrom(LEDGER_EVENTS).where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value())).orderBy(order),
        EventRows::toEvent, sink);
  }

  /**
   * Every receipt of the workspace by provider then provider event id, compared as Java compares strings
   * (on PostgreSQL by code point, {@code COLLATE "C"}, whatever the database's collation), through a cursor.
   */
  public static long forEachReceipt(DSLContext dsl, WorkspaceId ws,
      Consumer<org.resellledger.core.store.Receipt> sink) {
    boolean postgres = dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    return forEachRow(dsl.selectFrom(LEDGER_RECEIPTS).where(LEDGER_RECEIPTS.WORKSPACE_ID.eq(ws.value()))
        .orderBy(byCodePoint(postgres, LEDGER_RECEIPTS.PROVIDER),
            byCodePoint(postgres, LEDGER_RECEIPTS.PROVIDER_EVENT_ID)), ReceiptRows::toReceipt, sink);
  }

  /** Hands every row of {@code query}, read through a cursor {@value #FETCH_SIZE} at a time, to {@code sink}. */
  private static <R extends Record, T> long forEachRow(org.jooq.ResultQuery<R> query,
      java.util.function.Function<R, T> value, Consumer<T> sink) {
    long n = 0;
    try (Cursor<R> cursor = query.fetchSize(FETCH_SIZE).fetchLazy()) {
      for (R r : cursor) {
        sink.accept(value.apply(r));
        n++;
      }
    }
    return n;
  }

  /** The column to order by as Java compares strings: on PostgreSQL in the "C" collation (the renderer quotes no name). */
  private static org.jooq.Field<String> byCodePoint(boolean postgres, org.jooq.Field<String> column) {
    return postgres ? org.jooq.impl.DSL.field("{0} collate \"C\"", String.class, column) : column;
  }

  /** Whether the workspace holds any event or receipt: a restore goes only into one that holds neither. */
  public static boolean holdsEventsOrReceipts(DSLContext dsl, WorkspaceId ws) {
    return dsl.fetchExists(LEDGER_EVENTS, LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value()))
        || dsl.fetchExists(LEDGER_RECEIPTS, LEDGER_RECEIPTS.WORKSPACE_ID.eq(ws.value()));
  }

  public static Optional<org.resellledger.core.store.Receipt> receipt(DSLContext dsl, WorkspaceId ws,
      ProviderRef provider) {
    return dsl.selectFrom(LEDGER_RECEIPTS)
        .where(LEDGER_RECEIPTS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_RECEIPTS.PROVIDER.eq(provider.provider()))
            .and(LEDGER_RECEIPTS.PROVIDER_EVENT_ID.eq(provider.eventId())))
        .fetchOptional()
        .map(ReceiptRows::toReceipt);
  }

  /** The state of a stream of a registered kind, with the keys stored for it. */
  public static Optional<org.resellledger.core.store.StreamState> state(DSLContext dsl, WorkspaceId ws,
      StreamId stream) {
    var T = org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;
    var K = org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;
    var row = dsl.selectFrom(T).where(T.WORKSPACE_ID.eq(ws.value()).and(T.STREAM_KIND.eq(stream.kind().name()))
        .and(T.STREAM_ID.eq(stream.id()))).fetchOptional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    java.util.Set<org.resellledger.core.store.UniqueKey> keys = new java.util.HashSet<>();
    dsl.selectFrom(K).where(K.WORKSPACE_ID.eq(ws.value()).and(K.STREAM_KIND.eq(stream.kind().name()))
        .and(K.STREAM_ID.eq(stream.id())))
        .forEach(k -> keys.add(new org.resellledger.core.store.UniqueKey(k.getKeyName(), k.getKeyValue())));
    return Optional.of(org.resellledger.jooq.internal.mapping.StreamRows.fromRecord(row.get(), keys));
  }

  /** The stream of a kind that holds a unique key. */
  public static Optional<StreamId> streamWithKey(DSLContext dsl, WorkspaceId ws, StreamId.Kind kind,
      org.resellledger.core.store.UniqueKey key) {
    var K = org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;
    return dsl.select(K.STREAM_ID).from(K).where(K.WORKSPACE_ID.eq(ws.value()).and(K.STREAM_KIND.eq(kind.name()))
        .and(K.KEY_NAME.eq(key.name())).and(K.KEY_VALUE.eq(key.value())))
        .fetchOptional(K.STREAM_ID).map(id -> new StreamId(kind, id));
  }

  /**
   * The streams holding a key {@code keyName} whose value starts with {@code prefix}: a LIKE on the key
   * table's primary key (workspace, kind, name, value) with the prefix escaped, ordered in Java as
   * {@link String#compareTo} orders values (a database collation may not). At most {@code limit}, the
   * first by value; with {@code after}, only values after it in that order (compared in Java too).
   */
  public static List<org.resellledger.core.store.KeyedStream> streamsWithKeyPrefix(DSLContext dsl, WorkspaceId ws,
      StreamId.Kind kind, String keyName, String prefix, Optional<String> after, int limit) {
    var K = org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;
    var where = K.WORKSPACE_ID.eq(ws.value()).and(K.STREAM_KIND.eq(kind.name())).and(K.KEY_NAME.eq(keyName));
    if (!prefix.isEmpty()) {
      where = where.and(K.KEY_VALUE.like(escapeLike(prefix) + "%", '!'));
    }
    List<org.resellledger.core.store.KeyedStream> found = new ArrayList<>();
    dsl.select(K.KEY_VALUE, K.STREAM_ID).from(K).where(where).fetch().forEach(r -> found.add(
        new org.resellledger.core.store.KeyedStream(new org.resellledger.core.store.UniqueKey(keyName, r.value1()),
            new StreamId(kind, r.value2()))));
    if (after.isPresent()) {
      found.removeIf(k -> k.key().value().compareTo(after.get()) <= 0);
    }
    found.sort(Comparator.comparing(k -> k.key().value()));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
