package org.resellledger.core.count;

import org.resellledger.core.value.Checks;

/** The ledger's identity of one count session, and the id of its stream. */
public record CountSessionId(String value) {
  public CountSessionId {
    value = Checks.text("countSession", value, 64);
  }

  public static CountSessionId of(String value) {
    return new CountSessionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
