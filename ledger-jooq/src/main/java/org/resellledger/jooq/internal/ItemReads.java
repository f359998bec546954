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
 * (one per {@value #MAX_SKUS} SKUs), a join of the item rows with their listing rows, so an item and its
 * listings are read in one snapshot; the statements are pre-rendered ({@link Statements}). Also an order by
 * id, read the same way (commands read orders too, and the drift report reads every order by id).
 */
public final class ItemReads {
  /** SKUs per statement: far below H2's limit on an array's length (65,536). */
  private static final int MAX_SKUS = 4096;
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
    // without repeats: the statement joins the SKUs to the items, so a repeated SKU would repeat its rows
    List<String> asked = new ArrayList<>(new LinkedHashSet<>(skus.stream().map(Sku::value).toList()));
    Map<String, Item> found = new HashMap<>();
    for (int from = 0; from < asked.size(); from += MAX_SKUS) {
      String[] chunk = asked.subList(from, Math.min(asked.size(), from + MAX_SKUS)).toArray(String[]::new);
      for (Item item : read(c, sql.itemsBySku, chunk, ws.value())) {
        found.put(item.sku().value(), item);
      }
    }
    Map<Sku, Item> bySku = new LinkedHashMap<>();
    for (String sku : asked) {
      Item item = found.get(sku);
      if (item != null) {
        bySku.put(Sku.of(sku), item);
      }
    }
    return bySku;
  }

  public Optional<Order> order(Connection c, WorkspaceId ws, OrderId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.orderById.sql())) {
      sql.orderById.bind(ps, ws.value(), id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(OrderRows.toOrder(Statements.read(rs, 1, LEDGER_ORDERS))) : Optional.empty();
      }
    }
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
