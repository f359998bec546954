package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resellledger.jooq.support.PostgresSchema;
import org.resellledger.testkit.sim.LedgerSimulator;
import org.resellledger.testkit.sim.SimulationReport;

/** The testkit's simulator against PostgreSQL, in a fresh schema; each sequence in a workspace of its own. */
class PostgresLedgerSimulatorIT {
  private static PostgresSchema schema;

  @BeforeAll
  static void freshSchema() {
    schema = PostgresSchema.create(4);
    JooqLedgerStore.migrate(schema.dataSource());
  }

  @AfterAll
  static void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void randomCommandSequences_keepEveryInvariant() {
    SimulationReport report = LedgerSimulator
        .against(() -> JooqLedgerStore.forDataSource(schema.dataSource(), StoreOptions.builder().migrate(false).build()))
        .sequences(12)
        .steps(30)
        .run();

    System.out.println(report.summary());
    assertThat(report.steps()).isEqualTo(12L * 30);
  }
}
