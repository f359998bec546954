package org.resellledger.core.item;

import org.resellledger.core.value.Checks;

/** The ledger's own identity of an item; stays the same for the item's whole life. */
public record ItemId(String value) {
  public ItemId {
    value = Checks.text("itemId", value, 64);
  }

  public static ItemId of(String value) {
    return new ItemId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
