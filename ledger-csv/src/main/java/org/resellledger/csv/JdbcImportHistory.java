package org.resellledger.csv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;

/**
 * The import history in two tables of the host's database, reached through plain JDBC with bind values only.
 *
 * <ul>
 *   <li>The tables {@code csv_import}, {@code csv_import_row} and {@code csv_import_claim} are Flyway
 *       migrations of their own ({@code classpath:org/resellledger/csv/migration}, history table
 *       {@code resell_ledger_csv_schema_history}), in SQL that both H2 and PostgreSQL accept, apart from the
 *       host's migrations and the store's; tables made by earlier versions of this class are adopted as
 *       they are, with their rows.
 *   <li>An import and all its rows are written in one transaction: a record is whole or absent; the rows go in
 *       JDBC batches of {@value #ROW_BATCH}.
 *   <li>The claim of a file ({@link #claim}) is a row of {@code csv_import_claim} under the primary key
 *       (workspace, sha256, kind), the column holding the file's content key, inserted in its own committed
 *       transaction: the database's unique key, not
 *       a read-then-write, decides which of two concurrent imports of one file applies it.
 *   <li>Times are kept to the millisecond, as UTC.
 * </ul>
 */
public final class JdbcImportHistory implements ImportHistory {
  private static final int ROW_BATCH = 1000;
  /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String COLUMNS = "import_id, workspace, actor_kind, actor_name, imported_at, file_name, "
      + "sha256, kind, mode, outcome, reason, rows_read, to_create, to_update, unchanged, error_rows, warnings, "
      + "applied, failed, already_applied, content_sha256";

  private final DataSource dataSource;

  private JdbcImportHistory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * A history over the data source, its tables created or brought up to date by its own Flyway migrations
   * ({@link CsvMigrations}).
   */
  public static JdbcImportHistory create(DataSource dataSource) {
    CsvMigrations.migrate(dataSource);
    return new JdbcImportHistory(dataSource);
  }

  @Override
  public void record(ImportRecord r, List<RowRecord> rows) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        insert(c, r);
        insertRows(c, r, rows);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record import " + r.id(), e);
    }
  }

  /**
   * The claim is a row under the primary key (workspace, content key, kind), inserted in its own transaction;
   * a stale one is deleted first, by a statement that names its holder and time, so that of two imports taking
   * over one stale claim only one deletes it.
   */
  @Override
  public Optional<ImportId> claim(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at,
      Duration lease) {
    for (int attempt = 0; attempt < 5; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO csv_import_claim (workspace, sha256, kind, import_id, claimed_at) VALUES (?, ?, ?, ?, ?)")) {
          bindFile(ps, workspace, content, kind);
          ps.setString(4, id.value());
          ps.setObject(5, at.atOffset(ZoneOffset.UTC));
          ps.executeUpdate();
          return Optional.empty();
        } catch (SQLException e) {
          if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM csv_import_claim WHERE workspace = ? "
            + "AND sha256 = ? AND kind = ? AND claimed_at < ?")) {
          bindFile(ps, workspace, content, kind);
          ps.setObject(4, at.minus(lease).atOffset(ZoneOffset.UTC));
          if (ps.executeUpdate() > 0) {
            continue; // a dead import's claim: take it
          }
        }
        Optional<ImportId> holder = holder(c, workspace, content, kind);
        if (holder.isPresent()) { // else released in between: try again
          return holder.filter(h -> !h.equals(id));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot claim file " + content + " for import " + id, e);
      }
    }
    throw new IllegalStateException("cannot claim file " + content + " for import " + id
        + ": its claim kept being taken and released");
  }

  @Override
  public void renew(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement("UPDATE csv_import_claim SET claimed_at = ? "
          + "WHERE workspace = ? AND sha256 = ? AND kind = ? AND import_id = ?")) {
        ps.setObject(1, at.atOffset(ZoneOffset.UTC));
        ps.setString(2, workspace.value());
        ps.setString(3, content);
        ps.setString(4, kind.name());
        ps.setString(5, id.value());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot renew the claim of import " + id + " on file " + content, e);
    }
  }

  private static Optional<ImportId> holder(Connection c, WorkspaceId workspace, String content, ImportKind kind)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT import_id FROM csv_import_claim WHERE workspace = ? AND sha256 = ? AND kind = ?")) {
      bindFile(ps, workspace, content, kind);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(ImportId.of(rs.getString(1))) : Optional.empty();
      }
    }
  }

  private static void bindFile(PreparedStatement ps, WorkspaceId workspace, String content, ImportKind kind)
      throws SQLException {
    ps.setString(1, workspace.value());
    ps.setString(2, content);
    ps.setString(3, kind.name());
  }

  @Override
  public void release(WorkspaceId workspace, String content, ImportKind kind, ImportId id) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM csv_import_claim WHERE workspace = ? AND sha256 = ? AND kind = ? AND import_id = ?")) {
        bindFile(ps, workspace, content, kind);
        ps.setString(4, id.value());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release the claim of import " + id + " on file " + content, e);
    }
  }

  private static void insert(Connection c, ImportRecord r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO csv_import (" + COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ImportSummary s = r.summary();
      int i = 0;
      ps.setString(++i, r.id().value());
      ps.setString(++i, r.workspace().value());
      ps.setString(++i, r.actor().kind().name());
      ps.setString(++i, r.actor().name());
      ps.setObject(++i, r.at().atOffset(ZoneOffset.UTC));
      ps.setString(++i, r.fileName().length() <= 1000 ? r.fileName() : r.fileName().substring(0, 1000));
      ps.setString(++i, r.sha256());
      ps.setString(++i, r.kind().name());
      ps.setString(++i, r.mode().name());
      ps.setString(++i, r.outcome().name());
      ps.setString(++i, r.reason().orElse(null));
      for (long n : new long[] {s.rows(), s.toCreate(), s.toUpdate(), s.unchanged(), s.errorRows(), s.warnings(),
          s.applied(), s.failed(), s.alreadyApplied()}) {
        ps.setLong(++i, n);
      }
      ps.setString(++i, r.content());
      ps.executeUpdate();
    }
  }

  private static void insertRows(Connection c, ImportRecord r, List<RowRecord> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO csv_import_row "
        + "(workspace, import_id, row_no, sku, action, status, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (RowRecord row : rows) {
        ps.setString(1, r.workspace().value());
        ps.setString(2, r.id().value());
        ps.setLong(3, row.row());
        ps.setString(4, row.sku().map(s -> s.length() > 64 ? s.substring(0, 64) : s).orElse(null));
        ps.setString(5, row.action().name());
        ps.setString(6, row.status().name());
        ps.setString(7, row.message().orElse(null));
        ps.addBatch();
        if (++pending == ROW_BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  @Override
  public Optional<ImportRecord> find(WorkspaceId workspace, ImportId id) {
    return query("SELECT " + COLUMNS + " FROM csv_import WHERE workspace = ? AND import_id = ?",
        workspace.value(), id.value()).stream().findFirst();
  }

  @Override
  public List<RowRecord> rows(WorkspaceId workspace, ImportId id) {
    String sql = "SELECT row_no, sku, action, status, message FROM csv_import_row "
        + "WHERE workspace = ? AND import_id = ? ORDER BY row_no";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, workspace.value());
      ps.setString(2, id.value());
      List<RowRecord> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new RowRecord(rs.getLong(1), Optional.ofNullable(rs.getString(2)),
              RowAction.valueOf(rs.getString(3)), RowStatus.valueOf(rs.getString(4)),
              Optional.ofNullable(rs.getString(5))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the rows of import " + id, e);
    }
  }

  @Override
  public List<ImportRecord> recent(WorkspaceId workspace, int limit) {
    return query("SELECT " + COLUMNS + " FROM csv_import WHERE workspace = ? "
        + "ORDER BY imported_at DESC, import_id DESC LIMIT ?", workspace.value(), Math.max(0, limit));
  }

  @Override
  public List<ImportRecord> bySku(WorkspaceId workspace, Sku sku) {
    return query("SELECT " + COLUMNS + " FROM csv_import i WHERE workspace = ? AND EXISTS (SELECT 1 FROM "
        + "csv_import_row r WHERE r.workspace = i.workspace AND r.import_id = i.import_id AND r.sku = ?) "
        + "ORDER BY imported_at DESC, import_id DESC", workspace.value(), sku.value());
  }

  @Override
  public List<ImportRecord> byFile(WorkspaceId workspace, String key, ImportKind kind) {
    return query("SELECT " + COLUMNS + " FROM csv_import WHERE workspace = ? AND kind = ? "
        + "AND (sha256 = ? OR content_sha256 = ?) ORDER BY imported_at, import_id", workspace.value(), kind.name(),
        key, key);
  }

  private List<ImportRecord> query(String sql, Object... binds) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        if (binds[i] instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else {
          ps.setString(i + 1, (String) binds[i]);
        }
      }
      List<ImportRecord> records = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          records.add(read(rs));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the import history", e);
    }
  }

  private static ImportRecord read(ResultSet rs) throws SQLException {
    int i = 0;
    ImportId id = ImportId.of(rs.getString(++i));
    WorkspaceId workspace = WorkspaceId.of(rs.getString(++i));
    Actor actor = new Actor(Actor.Kind.valueOf(rs.getString(++i)), rs.getString(++i));
    OffsetDateTime at = rs.getObject(++i, OffsetDateTime.class);
    String fileName = rs.getString(++i);
    String sha = rs.getString(++i);
    ImportKind kind = ImportKind.valueOf(rs.getString(++i));
    ApplyMode mode = ApplyMode.valueOf(rs.getString(++i));
    ImportOutcome outcome = ImportOutcome.valueOf(rs.getString(++i));
    Optional<String> reason = Optional.ofNullable(rs.getString(++i));
    long[] n = new long[9];
    for (int k = 0; k < n.length; k++) {
      n[k] = rs.getLong(++i);
    }
    ImportSummary summary = new ImportSummary(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    String content = Optional.ofNullable(rs.getString(++i)).orElse(sha); // recorded before content keys
    return new ImportRecord(id, workspace, actor, at.toInstant(), fileName, sha, content, kind, mode, outcome,
        summary, reason);
  }
}
