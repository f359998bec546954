/**
 * The benchmarks ({@code org.resellledger.samples.bench}): each prints figures and ratios measured side by
 * side in one run, against plain JDBC or bare commons-csv. Not a library: nothing is exported.
 */
module org.resellledger.samples.bench {
  requires org.resellledger.core;
  requires org.resellledger.csv;
  requires org.resellledger.jooq;
  requires org.resellledger.testkit;
  requires org.resellledger.samples.channels;
  requires org.apache.commons.csv;
  requires com.h2database;
  requires org.postgresql.jdbc;
  requires java.logging;
  requires java.management;
  requires java.naming;
}
