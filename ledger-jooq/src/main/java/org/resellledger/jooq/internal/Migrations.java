package org.resellledger.jooq.internal;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.resellledger.jooq.internal.logging.FlywayLogs;

/**
 * The library's own Flyway set-up: its own script location and its own history table, so it never meets
 * the host application's migrations even in the same schema.
 *
 * <ul>
 *   <li>A schema that already holds the host's tables but not ours is baselined at version 0, so every
 *       script of ours still runs.
 *   <li>PostgreSQL-only blocks in the scripts are wrapped in the {@code pg_only_begin} / {@code pg_only_end}
 *       placeholders: empty on PostgreSQL, a block comment on H2; H2-only blocks in {@code h2_only_begin}
 *       / {@code h2_only_end}, the other way round.
 *   <li>Flyway's info lines are logged at DEBUG ({@link FlywayLogs}); its warnings keep their level.
 * </ul>
 */
public final class Migrations {
  public static final String LOCATION = "classpath:org/resellledger/jooq/migration";
  public static final String HISTORY_TABLE = "resell_ledger_schema_history";

  private Migrations() {}

  public static void migrate(DataSource dataSource, SQLDialect dialect) {
    migrate(dataSource, dialect, "latest");
  }

  /** Migrates up to {@code target} only (a version, or "latest"): for tests of upgrading an older schema. */
  public static void migrate(DataSource dataSource, SQLDialect dialect, String target) {
    boolean postgres = dialect.family() == SQLDialect.POSTGRES;
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .placeholders(Map.of(
            "pg_only_begin", postgres ? "" : "/*",
            "pg_only_end", postgres ? "" : "*/",
            "h2_only_begin", postgres ? "/*" : "",
            "h2_only_end", postgres ? "*/" : ""))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("resell ledger: before its first migration")
        .failOnMissingLocations(true)
        // quiet on a normal open: Flyway's info lines go to the host's logging at DEBUG (see FlywayLogs)
        .loggers(FlywayLogs.class.getName())
        .target(target)
        .load()
        .migrate();
  }
}
