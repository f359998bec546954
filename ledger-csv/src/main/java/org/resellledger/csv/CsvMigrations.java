package org.resellledger.csv;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The import history's own Flyway set-up: its own script location and its own history table, so it never
 * meets the host application's migrations, nor the store's ({@code resell_ledger_schema_history}), even in
 * the same schema.
 *
 * <ul>
 *   <li>A schema that already holds other tables (the host's, the store's, or the history tables that
 *       {@link JdbcImportHistory} created by hand before it had migrations) is baselined at version 0, so
 *       every script still runs; V1 creates its tables only if they are absent, which adopts the hand-made
 *       ones with their rows.
 *   <li>Flyway logs nothing at INFO or below through the host's logging: a normal open is silent, its
 *       progress goes to DEBUG ({@link org.resellledger.csv.migration.FlywayToDebug}).
 * </ul>
 */
final class CsvMigrations {
  static final String LOCATION = "classpath:org/resellledger/csv/migration";
  static final String HISTORY_TABLE = "resell_ledger_csv_schema_history";

  private CsvMigrations() {}

  static void migrate(DataSource dataSource) {
    Flyway.configure(CsvMigrations.class.getClassLoader())
        .loggers(org.resellledger.csv.migration.FlywayToDebug.class.getName())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("resell ledger csv: before its first migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
