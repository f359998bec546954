package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;

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
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.jooq.internal.mapping.StreamRows;

/** Replacing a workspace's projections, and folding its events into fresh ones without holding the events. */
public final class Projections {
  private Projections() {}

  /** Deletes every projection row of the workspace and writes the given ones, inside the caller's transaction. */
  public static void replace(DSLContext dsl, CommitWriter writer, WorkspaceId ws, List<Item> items,
      List<Order> orders, List<StreamState> streams) {
    dsl.deleteFrom(LEDGER_STREAM_KEYS).where(LEDGER_STREAM_KEYS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_STREAMS).where(LEDGER_STREAMS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_LISTINGS).where(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ITEMS).where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ORDERS).where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.connection(c -> writer.insertProjections(c, ws, items, orders));
    Map<StreamId, StreamState> latest = new LinkedHashMap<>();
    streams.forEach(st -> latest.put(st.stream(), st));
    for (StreamState st : latest.values()) {
      dsl.insertInto(LEDGER_STREAMS).set(StreamRows.toRecord(ws, st)).execute();
    }
    StreamWriter.insertKeys(dsl, ws, List.copyOf(latest.values()));
  }

  /**
   * Items and orders folded from events handed over one at a time in commit order, each stream through
   * {@link Projector}: what {@code Ledger.replay()} computes, without a list of every event.
   */
  public static final class Fold {
    private final Map<StreamId, Item> items = new LinkedHashMap<>();
    private final Map<StreamId, Order> orders = new LinkedHashMap<>();
    private final Map<StreamId, Object> others = new LinkedHashMap<>();
    private final Map<StreamId, Long> versions = new LinkedHashMap<>();

    public void accept(LedgerEvent e) {
      if (e.stream().kind() == StreamId.Kind.ITEM) {
        items.put(e.stream(), Projector.apply(items.get(e.stream()), e));
      } else if (e.stream().kind() == StreamId.Kind.ORDER) {
        orders.put(e.stream(), Projector.apply(orders.get(e.stream()), e));
      } else {
        others.put(e.stream(), Projector.applyAny(others.get(e.stream()), e));
        versions.put(e.stream(), e.version());
      }
    }

    /** The states of streams of other kinds, in the order of their first event. */
    public List<StreamState> streams() {
      List<StreamState> states = new java.util.ArrayList<>();
      others.forEach((stream, state) -> states.add(new StreamState(stream, versions.get(stream), state,
          StreamTypes.require(stream.kind()).keysUnchecked(state))));
      return states;
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
