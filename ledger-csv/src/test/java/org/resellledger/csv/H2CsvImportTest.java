package org.resellledger.csv;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;

/** The import and export contract on the H2 store (a fresh in-memory H2 database per test, migrated). */
class H2CsvImportTest extends CsvImportContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected LedgerStore newStore() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:csv-contract-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return JooqLedgerStore.forDataSource(ds);
  }
}
