package org.resellledger.core.order;

import org.resellledger.core.value.Checks;

/** The ledger's identity of one order (a channel order or a local sale). */
public record OrderId(String value) {
  public OrderId {
    value = Checks.text("orderId", value, 64);
  }

  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
