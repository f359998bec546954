package org.resellledger.jooq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.resellledger.jooq.support.H2Databases;

class H2ItemsBySkuPlanTest extends ItemsBySkuPlanScenarios {
  private final EmbeddedPool pool = EmbeddedPool.open(H2Databases.newDirectory(), "plan", 2);

  H2ItemsBySkuPlanTest() {
    Migrations.migrate(pool, SQLDialect.H2);
  }

  @AfterEach
  void close() {
    pool.close();
  }

  @Override
  DataSource dataSource() {
    return pool;
  }

  @Override
  String series(int n) {
    return "SYSTEM_RANGE(1, " + n + ") t(x)";
  }

  @Override
  void assertIndexedPerSku(String plan) {
    // H2 names the index and the conditions it looks up in a comment after the table
    assertThat(plan).as(plan)
        .containsPattern("(?s)FROM UNNEST\\(.*LEDGER_ITEMS\"\\s*/\\* PUBLIC\\.LEDGER_ITEMS_SKU_UK\\w*:"
            + " WORKSPACE_ID = [^*]*AND SKU = ASKED\\.SKU\\s*\\*/");
  }
}
