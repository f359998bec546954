package org.resellledger.jooq.durability;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.jooq.support.PostgresSchema;

/** PostgreSQL keeps every commit acknowledged to a client process that is then killed. */
class PostgresDurabilityIT extends DurabilityScenario {
  private PostgresSchema schema;

  @BeforeEach
  void freshSchema() {
    schema = PostgresSchema.create();
    JooqLedgerStore.migrate(schema.dataSource());
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  protected List<String> writerArguments() {
    return List.of("pg", schema.jdbcUrl(), PostgresSchema.USER, PostgresSchema.PASSWORD);
  }

  @Override
  protected LedgerStore reopen() {
    return JooqLedgerStore.forDataSource(schema.dataSource());
  }
}
