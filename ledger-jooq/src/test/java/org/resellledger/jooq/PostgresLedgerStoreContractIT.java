package org.resellledger.jooq;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.support.PostgresSchema;
import org.resellledger.testkit.contract.LedgerStoreContract;

/**
 * The store contract on PostgreSQL, in a schema created empty for this class, migrated for real once, and
 * dropped afterwards. The contract gives every test workspaces of its own, so they share the schema.
 */
class PostgresLedgerStoreContractIT extends LedgerStoreContract {
  private static PostgresSchema schema;

  @BeforeAll
  static void freshSchema() {
    schema = PostgresSchema.create();
    JooqLedgerStore.migrate(schema.dataSource());
  }

  @AfterAll
  static void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  protected LedgerStore newStore() {
    return JooqLedgerStore.forDataSource(schema.dataSource(), StoreOptions.builder().migrate(false).build());
  }
}
