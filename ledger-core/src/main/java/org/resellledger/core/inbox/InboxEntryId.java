package org.resellledger.core.inbox;

import org.resellledger.core.value.Checks;

/** The id of one inbox entry within its workspace, handed in from outside (the ledger's id source). */
public record InboxEntryId(String value) {
  public InboxEntryId {
    value = Checks.text("inboxEntryId", value, 64);
  }

  public static InboxEntryId of(String value) {
    return new InboxEntryId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
