/** How the store's libraries (Flyway, jOOQ) are kept quiet on a normal open: see {@link FlywayLogs}. */
package org.resellledger.jooq.internal.logging;
