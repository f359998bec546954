package org.resellledger.jooq;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.resellledger.jooq.support.PostgresSchema;

/** The store-specific behaviour on PostgreSQL, in a fresh schema for the class (tests use own workspaces). */
class PostgresStoreBehaviourIT extends StoreBehaviourScenarios {
  private static PostgresSchema schema;
  private static JooqLedgerStore store;

  @BeforeAll
  static void freshSchema() {
    schema = PostgresSchema.create(4);
    store = JooqLedgerStore.forDataSource(schema.dataSource());
  }

  @AfterAll
  static void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  protected JooqLedgerStore store() {
    return store;
  }
}
