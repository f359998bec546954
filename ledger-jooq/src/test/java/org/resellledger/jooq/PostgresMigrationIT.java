package org.resellledger.jooq;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.resellledger.jooq.support.PostgresSchema;

/** Migrations in a brand-new PostgreSQL schema per test, dropped afterwards. */
class PostgresMigrationIT extends MigrationScenarios {
  private PostgresSchema schema;

  @Override
  protected DataSource emptyDatabase() {
    schema = PostgresSchema.create(4);
    return schema.dataSource();
  }

  @Override
  protected DSLContext dsl(DataSource dataSource) {
    return DSL.using(dataSource, SQLDialect.POSTGRES);
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }
}
