package org.resellledger.jooq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.jooq.internal.EmbeddedPool;
import org.resellledger.jooq.internal.mapping.EventRows;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.ListingChanges;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.mapping.ReceiptRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerReceiptsRecord;

/**
 * A seam for benchmarks, not for applications: the plain-JDBC baseline that the store's write path is
 * measured against ({@code samples}' {@code StoreBench} and {@code CsvBench}), kept next to the store so that
 * it writes exactly the rows the store writes without anything outside this module reaching into
 * {@code org.resellledger.jooq.internal}.
 *
 * <p>{@link #write} writes a {@link Commit}'s rows (item and order rows with their version check, the
 * listing rows its events create or change, receipt, events) by hand with plain JDBC prepared statements
 * and JDBC batches, one transaction per commit. It does no reads and no domain work, and it serializes the
 * JSON columns with the store's own mapping, so the difference to the store is the ledger's reads and rules
 * plus jOOQ. It checks nothing beyond the version of an updated row: give it only commits that the store
 * would accept (e.g. captured from a run on the in-memory store). Failures are plain {@link SQLException}s.
 *
 * <p>{@link #embeddedPool} hands out the pool {@link JooqLedgerStore#embeddedH2} opens (the same class and
 * URL settings), for a benchmark that runs the store ({@link JooqLedgerStore#forDataSource}) and the
 * baseline on one embedded database.
 */
public final class JdbcBaseline {
  private static final String EVENT_INSERT = "INSERT INTO ledger_events (workspace_id, event_id, stream_kind,"
      + " stream_id, version, kind, item_id, listing_id, order_id, movement_qty, movement_from, movement_to,"
      + " source, actor_kind, actor_name, occurred_at, occurred_at_nanos, recorded_at, recorded_at_nanos,"
      + " provider, provider_event_id, reason, causation, payload)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ITEM_UPDATE = "UPDATE ledger_items SET sku = ?, status = ?, version = ?,"
      + " lot_units = ?, details = ?, balances = ?, conflicts = ? WHERE workspace_id = ? AND item_id = ?"
      + " AND version = ?";
  private static final String ITEM_INSERT = "INSERT INTO ledger_items (workspace_id, item_id, sku, status,"
      + " version, lot_units, details, balances, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ORDER_INSERT = "INSERT INTO ledger_orders (workspace_id, order_id, channel,"
      + " external_order_id, status, placed_at, placed_at_nanos, version, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ORDER_UPDATE = "UPDATE ledger_orders SET status = ?, version = ?, body = ?"
      + " WHERE workspace_id = ? AND order_id = ? AND version = ?";
  private static final String RECEIPT_INSERT = "INSERT INTO ledger_receipts (workspace_id, provider,"
      + " provider_event_id, fingerprint, event_ids) VALUES (?, ?, ?, ?, ?)";
  private static final String LISTING_UPSERT_PG = "INSERT INTO ledger_listings (workspace_id, listing_id,"
      + " item_id, position, channel, external_id, status, last_error, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (workspace_id, listing_id) DO UPDATE SET item_id = excluded.item_id,"
      + " position = excluded.position, channel = excluded.channel, external_id = excluded.external_id,"
      + " status = excluded.status, last_error = excluded.last_error, details = excluded.details";
  private static final String LISTING_UPSERT_H2 = "MERGE INTO ledger_listings (workspace_id, listing_id,"
      + " item_id, position, channel, external_id, status, last_error, details) KEY (workspace_id, listing_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final boolean postgres;

  private JdbcBaseline(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /**
   * A baseline writer on {@code dataSource}, whose schema the store has migrated; {@code postgres} picks
   * the listing upsert (PostgreSQL {@code ON CONFLICT} or H2 {@code MERGE}).
   */
  public static JdbcBaseline writer(DataSource dataSource, boolean postgres) {
    return new JdbcBaseline(Objects.requireNonNull(dataSource, "dataSource"), postgres);
  }

  /**
   * The embedded store's own pool of {@code size} connections on the H2 file database
   * {@value JooqLedgerStore#EMBEDDED_DATABASE_NAME} in {@code directory} (which must exist), as
   * {@link JooqLedgerStore#embeddedH2} opens it: {@code WRITE_DELAY=0}, connections at REPEATABLE READ, H2's
   * query cache kept between uses. The caller owns it: {@link Pool#close} closes the database.
   */
  public static Pool embeddedPool(Path directory, int size) {
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException("an H2 database path cannot contain ';': " + dir);
    }
    return EmbeddedPool.open(dir, JooqLedgerStore.EMBEDDED_DATABASE_NAME, size);
  }

  /** A pooled DataSource that the caller closes. */
  public interface Pool extends DataSource, AutoCloseable {
    /** Closes the idle connections and hands out no more; connections still out close when they return. */
    @Override
    void close();
  }

  /** Writes {@code c}'s rows in one transaction, rolled back if any statement fails. */
  public void write(Commit c) throws SQLException {
    try (Connection conn = dataSource.getConnection()) {
      conn.setAutoCommit(false);
      try {
        writeItems(conn, c);
        writeOrders(conn, c);
        if (c.receipt().isPresent()) {
          LedgerReceiptsRecord r = ReceiptRows.toRecord(c.workspace(), c.receipt().get());
          try (PreparedStatement s = conn.prepareStatement(RECEIPT_INSERT)) {
            bind(s, r.getWorkspaceId(), r.getProvider(), r.getProviderEventId(), r.getFingerprint(), r.getEventIds());
            s.executeUpdate();
          }
        }
        writeEvents(conn, c.events());
        writeListings(conn, c);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    }
  }

  /**
   * What a bare event store writes for {@code c}: only its events that move units (a sale's one movement
   * event each), by plain JDBC INSERT in one transaction; no projection, receipt or listing row. The second
   * baseline of the sale benchmark.
   */
  public void writeMovementEvents(Commit c) throws SQLException {
    try (Connection conn = dataSource.getConnection()) {
      conn.setAutoCommit(false);
      try {
        writeEvents(conn, c.events().stream().filter(e -> e.movement().isPresent()).toList());
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    }
  }

  private void writeItems(Connection conn, Commit c) throws SQLException {
    List<LedgerItemsRecord> updates = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    List<LedgerItemsRecord> inserts = new ArrayList<>();
    for (Item item : c.items()) {
      LedgerItemsRecord r = ItemRows.toRecord(c.workspace(), item);
      long v = c.expectedVersions().getOrDefault(StreamId.of(item.id()), 0L);
      if (v > 0) {
        updates.add(r);
        expected.add(v);
      } else {
        inserts.add(r);
      }
    }
    if (!updates.isEmpty()) {
      try (PreparedStatement s = conn.prepareStatement(ITEM_UPDATE)) {
        for (int i = 0; i < updates.size(); i++) {
          LedgerItemsRecord r = updates.get(i);
          bind(s, r.getSku(), r.getStatus(), r.getVersion(), r.getLotUnits(), r.getDetails(), r.getBalances(),
              r.getConflicts(), r.getWorkspaceId(), r.getItemId(), expected.get(i));
          s.addBatch();
        }
        for (int n : s.executeBatch()) {
          if (n != 1 && n != PreparedStatement.SUCCESS_NO_INFO) {
            throw new SQLException("an item moved: optimistic check failed");
          }
        }
      }
    }
    if (!inserts.isEmpty()) {
      try (PreparedStatement s = conn.prepareStatement(ITEM_INSERT)) {
        for (LedgerItemsRecord r : inserts) {
          bind(s, r.getWorkspaceId(), r.getItemId(), r.getSku(), r.getStatus(), r.getVersion(), r.getLotUnits(),
              r.getDetails(), r.getBalances(), r.getConflicts());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private void writeOrders(Connection conn, Commit c) throws SQLException {
    try (PreparedStatement insert = conn.prepareStatement(ORDER_INSERT);
        PreparedStatement update = conn.prepareStatement(ORDER_UPDATE)) {
      int inserts = 0;
      int updates = 0;
      for (Order order : c.orders()) {
        LedgerOrdersRecord r = OrderRows.toRecord(c.workspace(), order);
        long v = c.expectedVersions().getOrDefault(StreamId.of(order.id()), 0L);
        if (v > 0) {
          bind(update, r.getStatus(), r.getVersion(), r.getBody(), r.getWorkspaceId(), r.getOrderId(), v);
          update.addBatch();
          updates++;
        } else {
          bind(insert, r.getWorkspaceId(), r.getOrderId(), r.getChannel(), r.getExternalOrderId(), r.getStatus(),
              r.getPlacedAt(), r.getPlacedAtNanos(), r.getVersion(), r.getBody());
          insert.addBatch();
          inserts++;
        }
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
      if (updates > 0) {
        update.executeBatch();
      }
    }
  }

  private void writeEvents(Connection conn, List<LedgerEvent> events) throws SQLException {
    try (PreparedStatement s = conn.prepareStatement(EVENT_INSERT)) {
      for (LedgerEvent e : events) {
        LedgerEventsRecord r = EventRows.toRecord(e);
        bind(s, r.getWorkspaceId(), r.getEventId(), r.getStreamKind(), r.getStreamId(), r.getVersion(), r.getKind(),
            r.getItemId(), r.getListingId(), r.getOrderId(), r.getMovementQty(), r.getMovementFrom(),
            r.getMovementTo(), r.getSource(), r.getActorKind(), r.getActorName(), r.getOccurredAt(),
            r.getOccurredAtNanos(), r.getRecordedAt(), r.getRecordedAtNanos(), r.getProvider(),
            r.getProviderEventId(), r.getReason(), r.getCausation(), r.getPayload());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The listing rows the store writes too: all of a new item's, else those the commit's events change. */
  private void writeListings(Connection conn, Commit c) throws SQLException {
    ListingChanges changes = ListingChanges.of(c);
    try (PreparedStatement s = conn.prepareStatement(postgres ? LISTING_UPSERT_PG : LISTING_UPSERT_H2)) {
      int rows = 0;
      for (Item item : c.items()) {
        boolean inserted = c.expectedVersions().getOrDefault(StreamId.of(item.id()), 0L) == 0;
        for (LedgerListingsRecord l : ItemRows.listingRecords(c.workspace(), item,
            inserted ? id -> true : changes.toWrite(item.id()))) {
          bind(s, l.getWorkspaceId(), l.getListingId(), l.getItemId(), l.getPosition(), l.getChannel(),
              l.getExternalId(), l.getStatus(), l.getLastError(), l.getDetails());
          s.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        s.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }
}
