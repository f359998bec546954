package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.Projector;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;

/** Replacing a workspace's projections, and folding its events into fresh ones without holding the events. */
public final class Projections {
  private Projections() {}

  /** Deletes every projection row of the workspace and writes the given ones, inside the caller's transaction. */
  public static void replace(DSLContext dsl, WorkspaceId ws, List<Item> items, List<Order> orders) {
    dsl.deleteFrom(LEDGER_LISTINGS).where(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ITEMS).where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ORDERS).where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value())).execute();
    CommitWriter.insertProjections(dsl, ws, items, orders);
  }

  /**
   * Items and orders folded from events handed over one at a time in commit order, each stream through
   * {@link Projector}: what {@code Ledger.replay()} computes, without a list of every event.
   */
  public static final class Fold {
    private final Map<StreamId, Item> items = new LinkedHashMap<>();
    private final Map<StreamId, Order> orders = new LinkedHashMap<>();

    public void accept(LedgerEvent e) {
      if (e.stream().kind() == StreamId.Kind.ITEM) {
        items.put(e.stream(), Projector.apply(items.get(e.stream()), e));
      } else {
        orders.put(e.stream(), Projector.apply(orders.get(e.stream()), e));
      }
    }

    /** The items, by SKU. */
    public List<Item> items() {
      return items.values().stream().sorted(Comparator.comparing(Item::sku)).toList();
    }

    /** The orders, by placement time then id. */
    public List<Order> orders() {
      return orders.values().stream()
          .sorted(Comparator.comparing(Order::placedAt).thenComparing(o -> o.id().value()))
          .toList();
    }
  }
}
