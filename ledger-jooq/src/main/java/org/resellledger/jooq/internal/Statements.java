package org.resellledger.jooq.internal;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_RECEIPTS;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The statements of the store's hot paths (the commit, and reading items), rendered once per store from
 * the generated tables in the store's dialect, with {@code ?} placeholders. Each has one fixed text
 * whatever the number of rows, so it is executed as a JDBC batch bound row by row, and the database's
 * statement caches work: H2's per-session query cache, PostgreSQL's server-side prepared statements.
 * No table or column name is written by hand here: every text comes from jOOQ.
 */
public final class Statements {
  final Stmt itemUpdate;
  final Stmt itemInsert;
  final Stmt itemUpsert;
  final Stmt itemLock;
  final Stmt itemVersion;
  final Stmt orderUpdate;
  final Stmt orderInsert;
  final Stmt orderUpsert;
  final Stmt orderLock;
  final Stmt orderVersion;
  final Stmt eventsVersion;
  final Stmt receiptInsert;
  final Stmt eventInsert;
  final Stmt listingUpsert;
  final Stmt itemById;
  final Stmt itemBySku;
  /** Bound with the workspace, then the SKUs as one array: one text whatever the number of SKUs. */
  final Stmt itemsBySku;
  /** Bound with the item ids as one array, then the workspace. */
  final Stmt itemsById;
  final Stmt orderById;
  /** Bound with the order ids as one array, then the workspace: one text whatever the number of ids. */
  final Stmt ordersById;

  private static final Field<?>[] EVENT_COLUMNS = Arrays.stream(LEDGER_EVENTS.fields())
      .filter(f -> !f.equals(LEDGER_EVENTS.SEQ))
      .toArray(Field<?>[]::new);

  /** The renderer, for the statements not worth rendering ahead (streams of kinds other than items and orders). */
  private final DSLContext renderer;

  public Statements(DSLContext dsl) {
    this.renderer = dsl;
    TableField<?, ?>[] itemKey = {LEDGER_ITEMS.WORKSPACE_ID, LEDGER_ITEMS.ITEM_ID};
    TableField<?, ?>[] orderKey = {LEDGER_ORDERS.WORKSPACE_ID, LEDGER_ORDERS.ORDER_ID};
    itemUpdate = versionedUpdate(dsl, LEDGER_ITEMS, itemKey, LEDGER_ITEMS.VERSION);
    itemInsert = insert(dsl, LEDGER_ITEMS, LEDGER_ITEMS.fields());
    itemUpsert = upsert(dsl, LEDGER_ITEMS, itemKey);
    itemLock = lock(dsl, LEDGER_ITEMS, itemKey, LEDGER_ITEMS.VERSION);
    itemVersion = version(dsl, LEDGER_ITEMS, itemKey, LEDGER_ITEMS.VERSION);
    orderUpdate = versionedUpdate(dsl, LEDGER_ORDERS, orderKey, LEDGER_ORDERS.VERSION);
    orderInsert = insert(dsl, LEDGER_ORDERS, LEDGER_ORDERS.fields());
    orderUpsert = upsert(dsl, LEDGER_ORDERS, orderKey);
    orderLock = lock(dsl, LEDGER_ORDERS, orderKey, LEDGER_ORDERS.VERSION);
    orderVersion = version(dsl, LEDGER_ORDERS, orderKey, LEDGER_ORDERS.VERSION);
    eventsVersion = stmt(dsl, dsl.select(max(LEDGER_EVENTS.VERSION)).from(LEDGER_EVENTS)
            .where(LEDGER_EVENTS.WORKSPACE_ID.eq(p(LEDGER_EVENTS.WORKSPACE_ID))
                .and(LEDGER_EVENTS.STREAM_KIND.eq(p(LEDGER_EVENTS.STREAM_KIND)))
                .and(LEDGER_EVENTS.STREAM_ID.eq(p(LEDGER_EVENTS.STREAM_ID)))),
        LEDGER_EVENTS.WORKSPACE_ID, LEDGER_EVENTS.STREAM_KIND, LEDGER_EVENTS.STREAM_ID);
    receiptInsert = insert(dsl, LEDGER_RECEIPTS, LEDGER_RECEIPTS.fields());
    eventInsert = insert(dsl, LEDGER_EVENTS, EVENT_COLUMNS);
    listingUpsert = upsert(dsl, LEDGER_LISTINGS,
        new TableField<?, ?>[] {LEDGER_LISTINGS.WORKSPACE_ID, LEDGER_LISTINGS.LISTING_ID});
    itemById = itemsWhere(dsl, LEDGER_ITEMS.ITEM_ID.eq(p(LEDGER_ITEMS.ITEM_ID)), LEDGER_ITEMS.ITEM_ID);
    itemBySku = itemsWhere(dsl, LEDGER_ITEMS.SKU.eq(p(LEDGER_ITEMS.SKU)), LEDGER_ITEMS.SKU);
    itemsBySku = itemsOfKeys(dsl, LEDGER_ITEMS.SKU);
    itemsById = itemsOfKeys(dsl, LEDGER_ITEMS.ITEM_ID);
    orderById = stmt(dsl, dsl.selectFrom(LEDGER_ORDERS).where(keyIs(orderKey)), orderKey);
    ordersById = ordersOfIds(dsl);
  }

  /** A DSLContext on the commit's connection, for the statements that are not rendered ahead. */
  DSLContext on(java.sql.Connection c) {
    return renderer.configuration().derive(new org.jooq.impl.DefaultConnectionProvider(c)).dsl();
  }

  /** A statement's text and the columns of its placeholders, in order (their types bind SQL NULLs). */
  record Stmt(String sql, Field<?>[] params) {
    /** Binds {@code values} to {@code ps}, one per placeholder. */
    void bind(PreparedStatement ps, Object... values) throws SQLException {
      if (values.length != params.length) {
        throw new IllegalArgumentException(values.length + " values for " + params.length + " placeholders");
      }
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          ps.setNull(i + 1, params[i].getDataType().getSQLType());
        } else {
          ps.setObject(i + 1, values[i]);
        }
      }
    }

    /** The values of {@code row} for this statement's placeholders, in order. */
    Object[] valuesOf(Record row) {
      Object[] values = new Object[params.length];
      for (int i = 0; i < params.length; i++) {
        values[i] = row.get(params[i]);
      }
      return values;
    }
  }

  /** Reads columns {@code from}, {@code from + 1}, ... of the current row into a record of {@code table}. */
  static <R extends TableRecord<R>> R read(ResultSet rs, int from, Table<R> table) throws SQLException {
    R r = table.newRecord();
    Field<?>[] fields = table.fields();
    for (int i = 0; i < fields.length; i++) {
      set(r, fields[i], rs.getObject(from + i, fields[i].getType()));
    }
    r.changed(false);
    return r;
  }

  @SuppressWarnings("unchecked")
  private static <T> void set(Record r, Field<T> field, Object value) {
    r.set(field, (T) value);
  }

  // ---- rendering ---------------------------------------------------------------------------------------

  /** A placeholder typed like {@code column}. */
  private static <T> Field<T> p(Field<T> column) {
    return val(null, column);
  }

  private static Stmt stmt(DSLContext dsl, Query query, Field<?>... params) {
    // every placeholder must be one we bind: a dialect that renders a bind value twice would misbind
    if (query.getBindValues().size() != params.length) {
      throw new IllegalStateException("statement with " + query.getBindValues().size() + " bind values, "
          + params.length + " expected: " + dsl.render(query));
    }
    return new Stmt(dsl.render(query), params);
  }

  private static Stmt insert(DSLContext dsl, Table<?> table, Field<?>[] columns) {
    return stmt(dsl, dsl.insertInto(table).columns(columns).values(placeholders(columns)), columns);
  }

  /** INSERT of a whole row, or UPDATE of every other column when its {@code key} is there. */
  private static Stmt upsert(DSLContext dsl, Table<?> table, TableField<?, ?>[] key) {
    Field<?>[] columns = table.fields();
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (Field<?> f : columns) {
      if (!Arrays.asList(key).contains(f)) {
        set.put(f, excluded(f));
      }
    }
    return stmt(dsl, dsl.insertInto(table).columns(columns).values(placeholders(columns))
        .onConflict(key).doUpdate().set(set), columns);
  }

  /**
   * {@code UPDATE table SET <every non-key column> = ? WHERE <key> = ? AND version = ?}: bound with the new
   * row's values, then its key, then the version the commit expects.
   */
  private static Stmt versionedUpdate(DSLContext dsl, Table<?> table, TableField<?, ?>[] key, Field<Long> version) {
    List<Field<?>> params = new ArrayList<>();
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (Field<?> f : table.fields()) {
      if (!Arrays.asList(key).contains(f)) {
        set.put(f, p(f));
        params.add(f);
      }
    }
    params.addAll(Arrays.asList(key));
    params.add(version);
    return stmt(dsl, dsl.update(table).set(set).where(keyIs(key)).and(version.eq(p(version))),
        params.toArray(Field<?>[]::new));
  }

  /** {@code UPDATE ... SET version = version WHERE <key> = ? AND version = ?}: checks a stream and locks it. */
  private static Stmt lock(DSLContext dsl, Table<?> table, TableField<?, ?>[] key, Field<Long> version) {
    Field<?>[] params = Arrays.copyOf(key, key.length + 1, Field[].class);
    params[key.length] = version;
    return stmt(dsl, dsl.update(table).set(version, version).where(keyIs(key)).and(version.eq(p(version))),
        params);
  }

  private static Stmt version(DSLContext dsl, Table<?> table, TableField<?, ?>[] key, Field<Long> version) {
    return stmt(dsl, dsl.select(version).from(table).where(keyIs(key)), key);
  }

  /**
   * Items with their listings, from one join (so an item and its listings are one snapshot): every item
   * column, then every listing column (NULLs for an item without listings), by item id then position.
   */
  private static Stmt itemsWhere(DSLContext dsl, Condition condition, Field<?>... conditionParams) {
    Field<?>[] params = new Field<?>[conditionParams.length + 1];
    params[0] = LEDGER_ITEMS.WORKSPACE_ID;
    System.arraycopy(conditionParams, 0, params, 1, conditionParams.length);
    return stmt(dsl, dsl.select(LEDGER_ITEMS.fields())
        .select(LEDGER_LISTINGS.fields())
        .from(LEDGER_ITEMS)
        .leftJoin(LEDGER_LISTINGS)
        .on(LEDGER_LISTINGS.WORKSPACE_ID.eq(LEDGER_ITEMS.WORKSPACE_ID)
            .and(LEDGER_LISTINGS.ITEM_ID.eq(LEDGER_ITEMS.ITEM_ID)))
        .where(LEDGER_ITEMS.WORKSPACE_ID.eq(p(LEDGER_ITEMS.WORKSPACE_ID)).and(condition))
        .orderBy(LEDGER_ITEMS.ITEM_ID, LEDGER_LISTINGS.POSITION), params);
  }

  /**
   * Items with their listings for an array of SKUs, each SKU looked up in the (workspace, SKU) index: the
   * array is unnested and LEFT JOINed to the items, so the SKUs drive the join. {@code sku IN (...)} next to
   * {@code workspace_id = ?} is not enough on H2, which uses an IN list only on an index's first column and
   * so scanned every item of the workspace; an inner join lets H2 put the items first and do the same. An
   * outer join keeps the order as written on both databases (PostgreSQL makes it an inner join again, with
   * the SKU list outside). Bound with the SKUs as a {@code String[]} without repeats, then the workspace. The
   * same for item ids with {@code key} the item id column.
   */
  private static Stmt itemsOfKeys(DSLContext dsl, Field<String> key) {
    Field<String[]> skuArray = val(null, key.getDataType().array());
    Table<?> asked = DSL.unnest(skuArray).as("asked", "sku");
    Field<String> askedSku = asked.field("sku", String.class);
    Field<String> workspace = p(LEDGER_ITEMS.WORKSPACE_ID);
    var query = dsl.select(LEDGER_ITEMS.fields())
        .select(LEDGER_LISTINGS.fields())
        .from(asked)
        .leftJoin(LEDGER_ITEMS)
        .on(LEDGER_ITEMS.WORKSPACE_ID.eq(workspace).and(key.eq(askedSku)))
        .leftJoin(LEDGER_LISTINGS)
        .on(LEDGER_LISTINGS.WORKSPACE_ID.eq(LEDGER_ITEMS.WORKSPACE_ID)
            .and(LEDGER_LISTINGS.ITEM_ID.eq(LEDGER_ITEMS.ITEM_ID)))
        .where(LEDGER_ITEMS.ITEM_ID.isNotNull())
        .orderBy(LEDGER_ITEMS.ITEM_ID, LEDGER_LISTINGS.POSITION);
    // the placeholders in rendering order: the array (FROM) comes before the workspace (ON)
    return stmt(dsl, query, skuArray, LEDGER_ITEMS.WORKSPACE_ID);
  }

  /**
   * Orders for an array of ids, each looked up by its key: the array is unnested and LEFT JOINed to the
   * orders, so the ids drive the join (as {@link #itemsOfKeys} does for SKUs). Bound with the ids as a
   * {@code String[]} without repeats, then the workspace.
   */
  private static Stmt ordersOfIds(DSLContext dsl) {
    Field<String[]> idArray = val(null, LEDGER_ORDERS.ORDER_ID.getDataType().array());
    Table<?> asked = DSL.unnest(idArray).as("asked", "id");
    Field<String> askedId = asked.field("id", String.class);
    var query = dsl.select(LEDGER_ORDERS.fields())
        .from(asked)
        .leftJoin(LEDGER_ORDERS)
        .on(LEDGER_ORDERS.WORKSPACE_ID.eq(p(LEDGER_ORDERS.WORKSPACE_ID)).and(LEDGER_ORDERS.ORDER_ID.eq(askedId)))
        .where(LEDGER_ORDERS.ORDER_ID.isNotNull());
    return stmt(dsl, query, idArray, LEDGER_ORDERS.WORKSPACE_ID);
  }

  private static Condition keyIs(TableField<?, ?>[] key) {
    Condition c = org.jooq.impl.DSL.noCondition();
    for (TableField<?, ?> f : key) {
      c = c.and(eqPlaceholder(f));
    }
    return c;
  }

  private static <T> Condition eqPlaceholder(Field<T> f) {
    return f.eq(p(f));
  }

  private static Field<?>[] placeholders(Field<?>[] columns) {
    Field<?>[] values = new Field<?>[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = p(columns[i]);
    }
    return values;
  }
}
