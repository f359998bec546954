package org.resellledger.jooq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resellledger.jooq.support.PostgresSchema;

class PostgresItemsBySkuPlanIT extends ItemsBySkuPlanScenarios {
  private final PostgresSchema schema = PostgresSchema.create(2);
  private String planMode = "auto";

  PostgresItemsBySkuPlanIT() {
    Migrations.migrate(schema.dataSource(), SQLDialect.POSTGRES);
  }

  @AfterEach
  void drop() {
    schema.close();
  }

  @Override
  DataSource dataSource() {
    return schema.dataSource();
  }

  @Override
  String series(int n) {
    return "generate_series(1, " + n + ") x";
  }

  @Override
  void prepare(Statement s) throws SQLException {
    s.execute("ANALYZE");
    // pgjdbc prepares the text on the server from its fifth use, and PostgreSQL may then plan it generically
    s.execute("SET plan_cache_mode = " + planMode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
  void inBothPlanModes(String mode) throws SQLException {
    planMode = mode;
    theBulkReadLooksEverySkuUpInTheWorkspaceSkuIndex();
  }

  @Override
  void assertIndexedPerSku(String plan) {
    assertThat(plan).as(plan)
        .containsPattern("Function Scan on unnest asked")
        .containsPattern("Index Scan using ledger_items_sku_uk on ledger_items")
        .containsPattern("Index Cond: \\(\\(\\(?workspace_id\\)?::text = [^\\n]*AND \\(\\(?sku\\)?::text = \\(?asked\\.sku\\)?::text\\)");
  }
}
