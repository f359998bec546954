package org.resellledger.jooq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.support.PostgresSchema;

/** The races on PostgreSQL, each test in a fresh schema; the second store has its own pool (another node). */
class PostgresConcurrencyIT extends ConcurrencyScenarios {
  private PostgresSchema schema;
  private JooqLedgerStore first;
  private JooqLedgerStore second;

  @BeforeEach
  void freshSchema() {
    schema = PostgresSchema.create(ConcurrencyScenarios.THREADS);
    first = JooqLedgerStore.forDataSource(schema.dataSource());
    second = JooqLedgerStore.forDataSource(schema.newPool(ConcurrencyScenarios.THREADS),
        StoreOptions.builder().migrate(false).build());
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  protected LedgerStore store() {
    return first;
  }

  @Override
  protected LedgerStore secondStore() {
    return second;
  }
}
