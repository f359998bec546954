package org.resellledger.core.ledger;

import org.resellledger.core.RejectionException;

/** {@code quantity} units of one item moved from one bucket to another. The only way a quantity changes. */
public record Movement(int quantity, Bucket from, Bucket to) {
  public Movement {
    if (quantity <= 0) {
      throw RejectionException.invalid("quantity", quantity, "a movement moves at least 1 unit");
    }
    if (from == null || to == null || from == to) {
      throw RejectionException.invalid("buckets", from + "->" + to, "two different buckets");
    }
  }

  public static Movement of(int quantity, Bucket from, Bucket to) {
    return new Movement(quantity, from, to);
  }

  @Override
  public String toString() {
    return quantity + " " + from + "->" + to;
  }
}
