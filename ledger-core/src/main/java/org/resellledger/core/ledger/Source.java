package org.resellledger.core.ledger;

/** The lane a change came through. */
public enum Source {
  MANUAL,
  CSV_IMPORT,
  WEBHOOK,
  POLL,
  AGENT,
  LOCAL_POS,
  SYSTEM_RULE
}
