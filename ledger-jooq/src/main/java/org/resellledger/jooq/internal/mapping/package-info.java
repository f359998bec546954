/**
 * The one place where domain types meet stored rows: generated jOOQ records on one side, ledger-core's
 * events and projections on the other, and the JSON (Jackson) used for the parts no query looks into.
 * Nothing outside this package converts between the two.
 */
package org.resellledger.jooq.internal.mapping;
