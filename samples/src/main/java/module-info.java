/**
 * The runnable demo ({@code org.resellledger.samples.Demo}) and the benchmarks ({@code .bench}), built on
 * the public API of the other modules only. Not a library: nothing is exported.
 */
module org.resellledger.samples {
  requires org.resellledger.core;
  requires org.resellledger.csv;
  requires org.resellledger.jooq;
  requires org.resellledger.testkit;
  requires org.apache.commons.csv;
  requires com.h2database;
  requires org.postgresql.jdbc;
  requires java.logging;
  requires java.management;
  requires java.naming;
}
