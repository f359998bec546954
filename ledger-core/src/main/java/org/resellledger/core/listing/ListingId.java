package org.resellledger.core.listing;

import org.resellledger.core.value.Checks;

/** The ledger's identity of one listing. */
public record ListingId(String value) {
  public ListingId {
    value = Checks.text("listingId", value, 64);
  }

  public static ListingId of(String value) {
    return new ListingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
