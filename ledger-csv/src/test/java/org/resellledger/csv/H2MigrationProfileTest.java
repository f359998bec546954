package org.resellledger.csv;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;

/** The migration profiles on the H2 store (a fresh in-memory H2 database per test, migrated). */
class H2MigrationProfileTest extends MigrationProfileContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected LedgerStore newStore() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:csv-profile-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return JooqLedgerStore.forDataSource(ds);
  }
}
