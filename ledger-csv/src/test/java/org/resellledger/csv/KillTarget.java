package org.resellledger.csv;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * The process {@link KillDuringImportScenario} kills: applies one items file ALL_VALID_IN_UNITS to a store
 * and prints {@code applying} once validation is over and its claim is taken, {@code unit} after each unit,
 * then {@code done}.
 * Arguments: {@code h2 <directory> <file>} or {@code pg <schema> <file>}.
 */
public final class KillTarget {
  static final WorkspaceId WS = WorkspaceId.of("kill-ws");

  private KillTarget() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[2]);
    DataSource historyDb = dataSource(args[0], args[1]);
    LedgerStore store = store(args[0], args[1]);
    ImportHistory history = new ForwardingHistory(JdbcImportHistory.create(historyDb)) {
      @Override
      public Optional<ImportId> claim(WorkspaceId workspace, String content, ImportKind kind, ImportId id,
          Instant at, Duration lease) {
        Optional<ImportId> holder = super.claim(workspace, content, kind, id, at, lease);
        System.out.println("applying");
        System.out.flush();
        return holder;
      }

      @Override
      public void renew(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at) {
        super.renew(workspace, content, kind, id, at);
        System.out.println("unit");
        System.out.flush();
      }
    };
    // the import killed before this one never released its claim: a lease of a millisecond takes it over
    ImportReport report = CsvImporter.create(store, WS, LedgerConfig.defaults(), history)
        .withClaimLease(Duration.ofMillis(1)).apply(ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS));
    System.out.println("done " + report.outcome());
    if (store instanceof AutoCloseable c) {
      c.close();
    }
  }

  static LedgerStore store(String kind, String where) {
    return kind.equals("h2") ? JooqLedgerStore.embeddedH2(Path.of(where))
        : JooqLedgerStore.forDataSource(JdbcImportHistoryPostgresIT.dataSource(where));
  }

  /** The database of the store, for the history: the embedded H2 file with the store's settings, or the schema. */
  static DataSource dataSource(String kind, String where) {
    if (kind.equals("h2")) {
      org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
      ds.setURL("jdbc:h2:file:" + Path.of(where).toAbsolutePath().normalize()
          .resolve(JooqLedgerStore.EMBEDDED_DATABASE_NAME) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64");
      ds.setUser("sa"); // the embedded store's user
      return ds;
    }
    return JdbcImportHistoryPostgresIT.dataSource(where);
  }
}
