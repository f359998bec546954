package org.resellledger.jooq;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;

/** Migrations on a brand-new in-memory H2 database per test. */
class H2MigrationTest extends MigrationScenarios {
  private JdbcConnectionPool pool;

  @Override
  protected DataSource emptyDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    return pool;
  }

  @Override
  protected DSLContext dsl(DataSource dataSource) {
    return DSL.using(dataSource, SQLDialect.H2);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    try (var c = pool.getConnection(); var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    pool.dispose();
  }
}
