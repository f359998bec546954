/**
 * CSV import and export lanes over any {@code LedgerStore}: preview, validate, apply, history. One package,
 * {@code org.resellledger.csv}, all of it API; its non-public classes stay package-private.
 */
module org.resellledger.csv {
  requires transitive org.resellledger.core;
  // JdbcImportHistory takes a DataSource
  requires transitive java.sql;
  requires org.apache.commons.csv;

  exports org.resellledger.csv;
}
