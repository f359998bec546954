package org.resellledger.core.ledger;

import org.resellledger.core.value.Checks;

/** The identity of one ledger event. */
public record EventId(String value) {
  public EventId {
    value = Checks.text("eventId", value, 64);
  }

  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
