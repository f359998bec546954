package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.EventQuery;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.OrderQuery;
import org.resellledger.core.store.Page;
import org.resellledger.jooq.internal.mapping.EventRows;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.mapping.PageKeys;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;

/**
 * The paged reads in SQL: keyset pagination on the indexes of migration V7. What a column holds is
 * filtered in SQL; what sits in JSON (location, category, balances) is narrowed in SQL by a text match on the
 * stored JSON and then decided by the query's own {@code matches}, so the rule stays core's and the rows are
 * exactly the reference's. Text keys compare byte-wise on PostgreSQL ({@code COLLATE "C"}), as
 * {@link String#compareTo} does for the ASCII of SKUs and ids; H2 compares that way already.
 */
public final class PagedQueries {
  private PagedQueries() {}

  private static Field<String> key(Field<String> f, SQLDialect dialect) {
    // a constant clause around the column (no user data); jOOQ's collate() would render the name unquoted
    return dialect == SQLDialect.POSTGRES ? DSL.field("{0} COLLATE \"C\"", String.class, f) : f;
  }

  /** A LIKE pattern for text containing {@code fragment}, with its wildcards escaped by {@code !}. */
  private static String containing(String fragment) {
    return "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  public static Page<Item> items(DSLContext dsl, WorkspaceId ws, ItemQuery q, Optional<String> after, int limit) {
    Page.limit(limit);
    SQLDialect dialect = dsl.dialect();
    Condition where = LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value());
    if (!q.statuses().isEmpty()) {
      where = where.and(LEDGER_ITEMS.STATUS.in(q.statuses().stream().map(Enum::name).toList()));
    }
    if (q.withConflicts()) {
      where = where.and(LEDGER_ITEMS.CONFLICTS.ne("[]"));
    }
    if (!q.withListingIn().isEmpty()) {
      where = where.and(DSL.exists(DSL.selectOne().from(LEDGER_LISTINGS)
          .where(LEDGER_LISTINGS.WORKSPACE_ID.eq(LEDGER_ITEMS.WORKSPACE_ID)
              .and(LEDGER_LISTINGS.ITEM_ID.eq(LEDGER_ITEMS.ITEM_ID))
              .and(LEDGER_LISTINGS.STATUS.in(q.withListingIn().stream().map(Enum::name).toList())))));
    }
    if (q.location().isPresent()) {
      where = where.and(LEDGER_ITEMS.DETAILS.like(containing("\"area\":"
          + PageKeys.jsonString(q.location().get().area())), '!'));
    }
    if (q.category().isPresent()) {
      where = where.and(LEDGER_ITEMS.DETAILS.like(containing("\"path\":["
          + PageKeys.jsonString(q.category().get().top())), '!'));
    }
    if (q.holding().isPresent()) {
      where = where.and(LEDGER_ITEMS.BALANCES.like(containing("\"" + q.holding().get().name() + "\":"), '!'));
    }
    List<Item> out = new ArrayList<>();
    Optional<String> cursor = after;
    while (true) {
      Condition page = cursor.map(c -> key(LEDGER_ITEMS.SKU, dialect).gt(c)).orElse(DSL.noCondition());
      List<LedgerItemsRecord> rows = dsl.selectFrom(LEDGER_ITEMS).where(where.and(page))
          .orderBy(key(LEDGER_ITEMS.SKU, dialect)).limit(limit).fetch();
      Map<String, List<LedgerListingsRecord>> listings = listings(dsl, ws, rows);
      for (LedgerItemsRecord r : rows) {
        cursor = Optional.of(r.getSku());
        Item item = ItemRows.toItem(r, listings.getOrDefault(r.getItemId(), List.of()));
        if (q.matches(item)) {
          out.add(item);
          if (out.size() == limit) {
            return new Page<>(out, cursor);
          }
        }
      }
      if (rows.size() < limit) {
        return new Page<>(out, Optional.empty());
      }
    }
  }

  private static Map<String, List<LedgerListingsRecord>> listings(DSLContext dsl, WorkspaceId ws,
      List<LedgerItemsRecord> items) {
    Map<String, List<LedgerListingsRecord>> out = new HashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    Field<String> asked = askedId();
    dsl.select(LEDGER_LISTINGS.fields())
        .from(asked(items.stream().map(LedgerItemsRecord::getItemId).toList()))
        .leftJoin(LEDGER_LISTINGS)
        .on(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_LISTINGS.ITEM_ID.eq(asked)))
        .where(LEDGER_LISTINGS.LISTING_ID.isNotNull())
        .orderBy(LEDGER_LISTINGS.ITEM_ID, LEDGER_LISTINGS.POSITION)
        .fetchInto(LEDGER_LISTINGS)
        .forEach(l -> out.computeIfAbsent(l.getItemId(), k -> new ArrayList<>()).add(l));
    return out;
  }

  /**
   * The ids asked for as a table of one column ({@link #askedId}), left-joined to the rows (so the ids drive
   * the join) on their index, one lookup per id. An {@code IN} list would not do: H2 uses one only on an
   * index's first column, so it evaluated the list row by row over the whole workspace's rows.
   */
  private static org.jooq.Table<?> asked(List<String> ids) {
    return DSL.unnest(DSL.val(ids.toArray(String[]::new), LEDGER_LISTINGS.ITEM_ID.getDataType().array()))
        .as("asked", "id");
  }

  private static Field<String> askedId() {
    return DSL.field(DSL.name("asked", "id"), String.class);
  }

  public static Page<Order> orders(DSLContext dsl, WorkspaceId ws, OrderQuery q, Optional<String> after, int limit) {
    Page.limit(limit);
    SQLDialect dialect = dsl.dialect();
    Condition where = LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value());
    if (q.placedFrom().isPresent()) {
      Instant from = q.placedFrom().get();
      where = where.and(DSL.row(LEDGER_ORDERS.PLACED_AT, LEDGER_ORDERS.PLACED_AT_NANOS)
          .ge(PageKeys.micros(from), PageKeys.belowMicros(from)));
    }
    if (q.placedBefore().isPresent()) {
      Instant before = q.placedBefore().get();
      where = where.and(DSL.row(LEDGER_ORDERS.PLACED_AT, LEDGER_ORDERS.PLACED_AT_NANOS)
          .lt(PageKeys.micros(before), PageKeys.belowMicros(before)));
    }
    if (after.isPresent()) {
      OrderQuery.Cursor c = OrderQuery.Cursor.parse(after.get());
      where = where.and(DSL.row(LEDGER_ORDERS.PLACED_AT, LEDGER_ORDERS.PLACED_AT_NANOS, key(LEDGER_ORDERS.ORDER_ID, dialect))
          .gt(PageKeys.micros(c.placedAt()), PageKeys.belowMicros(c.placedAt()), c.id()));
    }
    List<String> statuses = q.statuses().stream().map(Enum::name).sorted().toList();
    List<Order> rows;
    if (statuses.size() <= 1) {
      Condition status = statuses.isEmpty() ? DSL.noCondition() : LEDGER_ORDERS.STATUS.eq(statuses.get(0));
      rows = dsl.selectFrom(LEDGER_ORDERS).where(where.and(status)).orderBy(placedOrder(LEDGER_ORDERS, dialect))
          .limit(limit).fetch(OrderRows::toOrder);
    } else {
      // one index range per status, each already in page order, merged: with status IN (...) the databases
      // walked the placed-at index and dropped the other statuses' rows (190,000 of them for a queue page of
      // 100,000 items' orders on PostgreSQL)
      org.jooq.Select<LedgerOrdersRecord> each = null;
      for (String s : statuses) {
        var one = dsl.selectFrom(LEDGER_ORDERS).where(where.and(LEDGER_ORDERS.STATUS.eq(s)))
            .orderBy(placedOrder(LEDGER_ORDERS, dialect)).limit(limit);
        each = each == null ? one : each.unionAll(one);
      }
      var merged = each.asTable("merged");
      rows = dsl.selectFrom(merged).orderBy(placedOrder(merged, dialect)).limit(limit)
          .fetchInto(LEDGER_ORDERS).map(OrderRows::toOrder);
    }
    return Page.of(rows, limit, OrderQuery::cursor);
  }

  /** The order of an order page: placed at, then the order id byte-wise. */
  private static List<org.jooq.OrderField<?>> placedOrder(org.jooq.Table<?> t, SQLDialect dialect) {
    return List.of(t.field(LEDGER_ORDERS.PLACED_AT), t.field(LEDGER_ORDERS.PLACED_AT_NANOS),
        key(t.field(LEDGER_ORDERS.ORDER_ID), dialect));
  }

  public static Page<LedgerEvent> events(DSLContext dsl, WorkspaceId ws, EventQuery q, Optional<String> after,
      int limit) {
    Page.limit(limit);
    Condition where = LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value());
    if (q.stream().isPresent()) {
      where = where.and(LEDGER_EVENTS.STREAM_KIND.eq(q.stream().get().kind().name()))
          .and(LEDGER_EVENTS.STREAM_ID.eq(q.stream().get().id()));
    }
    // several kinds: the kinds drive a join (an index range per kind), as ids do in asked(); an IN list on
    // the kind index's second column made H2 read every event of the workspace for each page
    boolean kindsJoined = q.kinds().size() > 1;
    if (q.kinds().size() == 1) {
      where = where.and(LEDGER_EVENTS.KIND.eq(q.kinds().iterator().next()));
    } else if (kindsJoined) {
      where = where.and(LEDGER_EVENTS.KIND.eq(askedId()));
    }
    if (q.from().isPresent()) {
      Instant from = q.from().get();
      where = where.and(DSL.row(LEDGER_EVENTS.OCCURRED_AT, LEDGER_EVENTS.OCCURRED_AT_NANOS)
          .ge(PageKeys.micros(from), PageKeys.belowMicros(from)));
    }
    if (q.before().isPresent()) {
      Instant before = q.before().get();
      where = where.and(DSL.row(LEDGER_EVENTS.OCCURRED_AT, LEDGER_EVENTS.OCCURRED_AT_NANOS)
          .lt(PageKeys.micros(before), PageKeys.belowMicros(before)));
    }
    if (after.isPresent()) {
      long seq;
      try {
        seq = Long.parseLong(after.get());
      } catch (NumberFormatException e) {
        throw RejectionException.invalid("after", after.get(), "a cursor from an event page");
      }
      where = where.and(LEDGER_EVENTS.SEQ.gt(seq));
    }
    var rows = kindsJoined
        ? dsl.select(LEDGER_EVENTS.fields()).from(asked(List.copyOf(q.kinds()))).leftJoin(LEDGER_EVENTS).on(where)
            .where(LEDGER_EVENTS.SEQ.isNotNull()).orderBy(LEDGER_EVENTS.SEQ).limit(limit).fetchInto(LEDGER_EVENTS)
        : dsl.selectFrom(LEDGER_EVENTS).where(where).orderBy(LEDGER_EVENTS.SEQ).limit(limit).fetch();
    List<LedgerEvent> events = rows.map(EventRows::toEvent);
    Optional<String> next = rows.size() < limit ? Optional.empty()
        : Optional.of(String.valueOf(rows.get(rows.size() - 1).getSeq()));
    return new Page<>(events, next);
  }

  /** Several streams' events in one statement per kind (and per 500 ids), grouped by stream in the order asked. */
  public static Map<org.resellledger.core.ledger.StreamId, List<LedgerEvent>> streamsOf(DSLContext dsl,
      WorkspaceId ws, java.util.Collection<org.resellledger.core.ledger.StreamId> streams) {
    Map<String, List<String>> idsByKind = new java.util.LinkedHashMap<>();
    for (var s : new java.util.LinkedHashSet<>(streams)) {
      idsByKind.computeIfAbsent(s.kind().name(), k -> new ArrayList<>()).add(s.id());
    }
    Map<org.resellledger.core.ledger.StreamId, List<LedgerEvent>> found = new HashMap<>();
    idsByKind.forEach((kind, ids) -> {
      for (int from = 0; from < ids.size(); from += 500) {
        dsl.select(LEDGER_EVENTS.fields())
            .from(asked(ids.subList(from, Math.min(ids.size(), from + 500))))
            .leftJoin(LEDGER_EVENTS)
            .on(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_EVENTS.STREAM_KIND.eq(kind))
                .and(LEDGER_EVENTS.STREAM_ID.eq(askedId())))
            .where(LEDGER_EVENTS.SEQ.isNotNull())
            .orderBy(LEDGER_EVENTS.STREAM_ID, LEDGER_EVENTS.VERSION)
            .fetchInto(LEDGER_EVENTS)
            .map(EventRows::toEvent)
            .forEach(e -> found.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e));
      }
    });
    Map<org.resellledger.core.ledger.StreamId, List<LedgerEvent>> out = new java.util.LinkedHashMap<>();
    for (var s : streams) {
      List<LedgerEvent> events = found.get(s);
      if (events != null) {
        out.put(s, List.copyOf(events));
      }
    }
    return out;
  }
}
