/**
 * How {@link org.resellledger.jooq.JooqLedgerStore} works: connections and transactions, the commit
 * protocol, queries, migrations. Not API: anything here may change without notice.
 */
package org.resellledger.jooq.internal;
