/** The `resell` command line over the ledger's public API. */
module org.resellledger.samples.cli {
  requires org.resellledger.core;
  requires org.resellledger.jooq;
  requires org.resellledger.csv;
  requires org.resellledger.samples.channels;
  requires org.resellledger.samples.web;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.csv;
  requires java.sql;
  // found by DriverManager for --jdbc-url jdbc:postgresql:...; an automatic module nobody requires is not resolved
  requires org.postgresql.jdbc;

  // picocli reads and sets the commands' annotated fields by reflection
  opens org.resellledger.samples.cli to info.picocli;
}
