package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.StreamState;
import org.resellledger.jooq.internal.mapping.StreamRows;

/** Replacing a workspace's projections. */
public final class Projections {
  private Projections() {}

  /** Deletes every projection row of the workspace and writes the given ones, inside the caller's transaction. */
  public static void replace(DSLContext dsl, CommitWriter writer, WorkspaceId ws, List<Item> items,
      List<Order> orders, List<StreamState> streams) {
    clear(dsl, ws);
    write(dsl, writer, ws, items, orders, streams);
  }

  /** Deletes every projection row of the workspace, inside the caller's transaction. */
  public static void clear(DSLContext dsl, WorkspaceId ws) {
    dsl.deleteFrom(LEDGER_STREAM_KEYS).where(LEDGER_STREAM_KEYS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_STREAMS).where(LEDGER_STREAMS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_LISTINGS).where(LEDGER_LISTINGS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ITEMS).where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value())).execute();
    dsl.deleteFrom(LEDGER_ORDERS).where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value())).execute();
  }

  /** Inserts projection rows into a workspace whose rows were cleared, inside the caller's transaction. */
  public static void write(DSLContext dsl, CommitWriter writer, WorkspaceId ws, List<Item> items,
      List<Order> orders, List<StreamState> streams) {
    dsl.connection(c -> writer.insertProjections(c, ws, items, orders));
    Map<StreamId, StreamState> latest = new LinkedHashMap<>();
    streams.forEach(st -> latest.put(st.stream(), st));
    for (StreamState st : latest.values()) {
      dsl.insertInto(LEDGER_STREAMS).set(StreamRows.toRecord(ws, st)).execute();
    }
    StreamWriter.insertKeys(dsl, ws, List.copyOf(latest.values()));
  }

  /**
   * A sink that writes what it is handed in batches of {@code batch} rows through {@code write} (which runs
   * inside the replacing transaction): memory holds one batch.
   */
  public static final class Batches implements org.resellledger.core.store.ProjectionSink {
    private final int batch;
    private final Writes write;
    private final List<Item> items = new java.util.ArrayList<>();
    private final List<Order> orders = new java.util.ArrayList<>();
    private final List<StreamState> streams = new java.util.ArrayList<>();

    /** Writes one batch. */
    public interface Writes {
      void write(List<Item> items, List<Order> orders, List<StreamState> streams);
    }

    public Batches(int batch, Writes write) {
      this.batch = batch;
      this.write = write;
    }

    @Override
    public void item(Item item) {
      items.add(item);
      flushIfFull();
    }

    @Override
    public void order(Order order) {
      orders.add(order);
      flushIfFull();
    }

    @Override
    public void stream(StreamState state) {
      streams.add(state);
      flushIfFull();
    }

    private void flushIfFull() {
      if (items.size() + orders.size() + streams.size() >= batch) {
        flush();
      }
    }

    /** Writes what is waiting. */
    public void flush() {
      if (items.isEmpty() && orders.isEmpty() && streams.isEmpty()) {
        return;
      }
      write.write(List.copyOf(items), List.copyOf(orders), List.copyOf(streams));
      items.clear();
      orders.clear();
      streams.clear();
    }
  }
}
