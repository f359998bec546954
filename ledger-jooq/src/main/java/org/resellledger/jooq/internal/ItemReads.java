package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.jooq.internal.Statements.Stmt;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;

/**
 * The item reads a command makes before it commits: by id, by SKU, by many SKUs. Each is one statement
 * (one per {@value #MAX_IDS} SKUs), a join of the item rows with their listing rows, so an item and its
 * listings are read in one snapshot; the statements are pre-rendered ({@link Statements}). Also an order by
 * id, read the same way (commands read orders too, and the drift report reads every order by id).
 */
public final class ItemReads {
  /** SKUs (or order ids) per statement: far below H2's limit on an array's length (65,536). */
  private static final int MAX_IDS = 4096;
  private static final int ITEM_ID_COLUMN = LEDGER_ITEMS.indexOf(LEDGER_ITEMS.ITEM_ID) + 1;
  private static final int LISTING_COLUMNS_FROM = LEDGER_ITEMS.fields().length + 1;
  private static final int LISTING_ID_COLUMN = LISTING_COLUMNS_FROM + LEDGER_LISTINGS.indexOf(LEDGER_LISTINGS.LISTING_ID);

  private final Statements sql;

  public ItemReads(Statements sql) {
    this.sql = sql;
  }

  public Optional<Item> byId(Connection c, WorkspaceId ws, ItemId id) throws SQLException {
    return read(c, sql.itemById, ws.value(), id.value()).stream().findFirst();
  }

  public Optional<Item> bySku(Connection c, WorkspaceId ws, Sku sku) throws SQLException {
    return read(c, sql.itemBySku, ws.value(), sku.value()).stream().findFirst();
  }

  /** The items with these SKUs, keyed by SKU in the order asked; unknown SKUs are left out. */
  public Map<Sku, Item> bySkus(Connection c, WorkspaceId ws, Collection<Sku> skus) throws SQLException {
    return byKeys(skus.stream().map(Sku::value).toList(), chunk -> read(c, sql.itemsBySku, chunk, ws.value()),
        item -> item.sku().value(), Sku::of);
  }

  /** The items with these ids, keyed by id in the order asked; unknown ids are left out. */
  public Map<ItemId, Item> byIds(Connection c, WorkspaceId ws, Collection<ItemId> ids) throws SQLException {
    return byKeys(ids.stream().map(ItemId::value).toList(), chunk -> read(c, sql.itemsById, chunk, ws.value()),
        item -> item.id().value(), ItemId::of);
  }

  public Optional<Order> order(Connection c, WorkspaceId ws, OrderId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.orderById.sql())) {
      sql.orderById.bind(ps, ws.value(), id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(OrderRows.toOrder(Statements.read(rs, 1, LEDGER_ORDERS))) : Optional.empty();
      }
    }
  }

  /** The orders with these ids, keyed by id in the order asked; unknown ids are left out. */
  public Map<OrderId, Order> orders(Connection c, WorkspaceId ws, Collection<OrderId> ids) throws SQLException {
    return byKeys(ids.stream().map(OrderId::value).toList(), chunk -> {
      List<Order> orders = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.ordersById.sql())) {
        sql.ordersById.bind(ps, chunk, ws.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            orders.add(OrderRows.toOrder(Statements.read(rs, 1, LEDGER_ORDERS)));
          }
        }
      }
      return orders;
    }, order -> order.id().value(), OrderId::of);
  }

  /** One statement's rows for a chunk of keys. */
  private interface ChunkRead<V> {
    List<V> read(String[] keys) throws SQLException;
  }

  /**
   * Rows looked up by keys, {@value #MAX_IDS} keys a statement, keyed in the order asked; unknown keys are
   * left out. Without repeats: the statements join the keys to the rows, so a repeated key would repeat rows.
   */
  private static <K, V> Map<K, V> byKeys(List<String> keys, ChunkRead<V> read, java.util.function.Function<V, String> keyOf,
      java.util.function.Function<String, K> key) throws SQLException {
    List<String> asked = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<String, V> found = new HashMap<>();
    for (int from = 0; from < asked.size(); from += MAX_IDS) {
      for (V row : read.read(asked.subList(from, Math.min(asked.size(), from + MAX_IDS)).toArray(String[]::new))) {
        found.put(keyOf.apply(row), row);
      }
    }
    Map<K, V> byKey = new LinkedHashMap<>();
    for (String k : asked) {
      V row = found.get(k);
      if (row != null) {
        byKey.put(key.apply(k), row);
      }
    }
    return byKey;
  }

  /** Items and their listings from a join ordered by item id then listing position. */
  private static List<Item> read(Connection c, Stmt stmt, Object... values) throws SQLException {
    List<Item> items = new ArrayList<>(1);
    try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
      stmt.bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        LedgerItemsRecord item = null;
        List<LedgerListingsRecord> listings = new ArrayList<>();
        while (rs.next()) {
          String id = rs.getString(ITEM_ID_COLUMN);
          if (item == null || !item.getItemId().equals(id)) {
            if (item != null) {
              items.add(ItemRows.toItem(item, listings));
              listings = new ArrayList<>();
            }
            item = Statements.read(rs, 1, LEDGER_ITEMS);
          }
          if (rs.getString(LISTING_ID_COLUMN) != null) {
            listings.add(Statements.read(rs, LISTING_COLUMNS_FROM, LEDGER_LISTINGS));
          }
        }
        if (item != null) {
          items.add(ItemRows.toItem(item, listings));
        }
      }
    }
    return items;
  }
}
