package org.resellledger.core.ledger;

/** One event of an item's history with the item's bucket balances right after it. */
public record HistoryEntry(LedgerEvent event, Balances balancesAfter) {}
