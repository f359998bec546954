package org.resellledger.core.ledger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Units per bucket for one item. Immutable.
 *
 * <ul>
 *   <li>All buckets, outside ones included, sum to zero ({@link #isConserved()}).
 *   <li>The ledger never lets an on-hand bucket go negative ({@link #hasNegativeOnHand()} stays false).
 * </ul>
 */
public final class Balances {
  private static final Bucket[] BUCKETS = Bucket.values();
  public static final Balances EMPTY = new Balances(new long[BUCKETS.length]);

  private final long[] units;

  private Balances(long[] units) {
    this.units = units;
  }

  public long get(Bucket bucket) {
    return units[bucket.ordinal()];
  }

  public long available() {
    return get(Bucket.AVAILABLE);
  }

  /** Units physically with the seller: the item's quantity. */
  public long onHand() {
    long sum = 0;
    for (Bucket b : BUCKETS) {
      if (b.isOnHand()) {
        sum += units[b.ordinal()];
      }
    }
    return sum;
  }

  public Balances apply(Movement m) {
    long[] next = units.clone();
    next[m.from().ordinal()] -= m.quantity();
    next[m.to().ordinal()] += m.quantity();
    return new Balances(next);
  }

  public boolean isConserved() {
    return Arrays.stream(units).sum() == 0;
  }

  public boolean hasNegativeOnHand() {
    for (Bucket b : BUCKETS) {
      if (b.isOnHand() && units[b.ordinal()] < 0) {
        return true;
      }
    }
    return false;
  }

  /** Non-zero buckets, in bucket order. */
  public Map<Bucket, Long> asMap() {
    Map<Bucket, Long> map = new EnumMap<>(Bucket.class);
    for (Bucket b : BUCKETS) {
      if (units[b.ordinal()] != 0) {
        map.put(b, units[b.ordinal()]);
      }
    }
    return map;
  }

  /** Rebuilds balances from stored non-zero buckets. */
  public static Balances of(Map<Bucket, Long> map) {
    long[] u = new long[BUCKETS.length];
    map.forEach((b, n) -> u[b.ordinal()] = n);
    return new Balances(u);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Balances b && Arrays.equals(units, b.units);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(units);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
