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
 *   <li>The ledger never lets an item hold more than {@link #MAX_QUANTITY} units on hand, so no on-hand
 *       bucket holds more either; balances stored before that bound read back as they were.
 *   <li>Arithmetic is exact: a sum that would leave {@code long} throws instead of wrapping.
 * </ul>
 */
public final class Balances {
  /**
   * The most units one item may hold on hand (its on-hand buckets together, so also any one bucket), and the
   * most any one command may move: 999,999,999, the largest nine-digit number. No reseller holds that many
   * of one SKU; every quantity then fits the nine digits the CSV lanes read and write; and the arithmetic has
   * room to spare: two quantities in range add up to less than {@link Integer#MAX_VALUE}, so the difference
   * between any two item quantities (an adjustment's delta) fits an {@code int} command.
   */
  public static final int MAX_QUANTITY = 999_999_999;

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
        sum = Math.addExact(sum, units[b.ordinal()]);
      }
    }
    return sum;
  }

  public Balances apply(Movement m) {
    long[] next = units.clone();
    next[m.from().ordinal()] = Math.subtractExact(next[m.from().ordinal()], m.quantity());
    next[m.to().ordinal()] = Math.addExact(next[m.to().ordinal()], m.quantity());
    return new Balances(next);
  }

  public boolean isConserved() {
    // a plain sum: each movement adds and takes the same int, so the true total is 0 whenever the buckets
    // (each kept exact by apply) are conserved, and a wrapped partial sum still ends at 0
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
