package org.resellledger.core.message;

import org.resellledger.core.value.Checks;

/** The ledger's identity of one buyer message, and the id of its stream. */
public record BuyerMessageId(String value) {
  public BuyerMessageId {
    value = Checks.text("messageId", value, 64);
  }

  public static BuyerMessageId of(String value) {
    return new BuyerMessageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
