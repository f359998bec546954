/**
 * CSV import and export lanes over any {@code LedgerStore}: preview, validate, apply, history. One exported
 * package, {@code org.resellledger.csv}, all of it API; its non-public classes stay package-private.
 * {@code org.resellledger.csv.migration} (the history's Flyway scripts and Flyway's log adapter) is opened
 * for Flyway, not exported.
 */
module org.resellledger.csv {
  requires transitive org.resellledger.core;
  // JdbcImportHistory takes a DataSource
  requires transitive java.sql;
  requires org.apache.commons.csv;
  // flyway-core has neither a module descriptor nor an Automatic-Module-Name: this name is the one the JDK
  // derives from the jar's file name (flyway-core-<version>.jar), as in ledger-jooq
  requires flyway.core;
  // Flyway's PostgreSQL support is a plugin found by ServiceLoader; required so that a modular host resolves
  // it (an automatic module nobody requires is not resolved, and Flyway would not know PostgreSQL), as in
  // ledger-jooq
  requires flyway.database.postgresql;

  exports org.resellledger.csv;

  // the import history's Flyway scripts, and the LogCreator Flyway instantiates by name: Flyway reads the
  // scripts through the class loader, which hands out a named module's resources only from an open package
  opens org.resellledger.csv.migration;
}
