/**
 * The durable {@code LedgerStore} on embedded H2 and PostgreSQL ({@link org.resellledger.jooq.JooqLedgerStore}).
 * Only {@code org.resellledger.jooq} is API; {@code org.resellledger.jooq.internal} (the store's SQL, pool,
 * JSON mapping and the jOOQ code generated from the migrations) is not exported.
 */
module org.resellledger.jooq {
  requires transitive org.resellledger.core;
  requires transitive java.sql;
  requires java.logging;

  requires org.jooq;
  // flyway-core has neither a module descriptor nor an Automatic-Module-Name: this name is the one the JDK
  // derives from the jar's file name (flyway-core-<version>.jar)
  requires flyway.core;
  // Flyway's PostgreSQL support is a plugin found by ServiceLoader; required so that a modular host resolves
  // it (an automatic module nobody requires is not resolved, and Flyway would not know PostgreSQL)
  requires flyway.database.postgresql;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.h2database;
  // core's value types carry Immutables annotations; compile time only, as in core
  requires static org.immutables.value;

  exports org.resellledger.jooq;

  // the stored JSON shapes (ItemDetailsJson, OrderBody, ...) are package-private records: Jackson alone may
  // construct and read them. Core's types are mapped through their public accessors and constructors only.
  opens org.resellledger.jooq.internal.mapping to com.fasterxml.jackson.databind;

  // jOOQ creates the generated table records reflectively (their public no-argument constructors)
  opens org.resellledger.jooq.internal.schema.tables.records to org.jooq;

  // Flyway creates its log through the class named in loggers(...)
  exports org.resellledger.jooq.internal.logging to flyway.core;

  // the Flyway scripts: Flyway reads them through the class loader, which hands out a named module's
  // resources only from a package that is open to everyone
  opens org.resellledger.jooq.migration;
}
