package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resellledger.testkit.sim.LedgerSimulator;
import org.resellledger.testkit.sim.SimulationReport;

/**
 * The testkit's simulator (random command sequences, every invariant checked after every step, failures
 * shrunk and printed with their seed) against H2. Each sequence runs in a workspace of its own, so one
 * migrated database serves them all. {@code -Dledger.sim.sequences=N} runs more.
 */
class H2LedgerSimulatorTest {
  private static JdbcConnectionPool pool;

  @BeforeAll
  static void database() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:sim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    JooqLedgerStore.migrate(pool);
  }

  @AfterAll
  static void dropDatabase() {
    pool.dispose();
  }

  @Test
  void randomCommandSequences_keepEveryInvariant() {
    SimulationReport report = LedgerSimulator
        .against(() -> JooqLedgerStore.forDataSource(pool, StoreOptions.builder().migrate(false).build()))
        .sequences(20)
        .steps(30)
        .run();

    System.out.println(report.summary());
    assertThat(report.steps()).isEqualTo(20L * 30);
  }
}
