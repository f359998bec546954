package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcImportHistoryH2Test extends ImportHistoryContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  static JdbcDataSource freshH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:csv-history-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Override
  protected ImportHistory newHistory() {
    return JdbcImportHistory.create(freshH2());
  }

  @Test
  void creatingTwiceOverOneDatabase_keepsWhatWasRecorded() {
    JdbcDataSource ds = freshH2();
    JdbcImportHistory.create(ds).record(record(WS, "imp-1", java.time.Instant.parse("2026-11-20T10:00:00Z"), SHA,
        ImportOutcome.APPLIED), rows("A-1", "B-1"));
    assertThat(JdbcImportHistory.create(ds).find(WS, ImportId.of("imp-1"))).isPresent();
  }
}
