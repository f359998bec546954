package org.resellledger.testkit.gen;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeds for reproducible runs. A run draws its seed at random unless the system property
 * {@value #PROPERTY} names one (decimal, or hex with {@code 0x}); every failure prints the seed in the form
 * this class parses, so {@code -Dledger.seed=0x...} reruns exactly the failing case.
 */
public final class Seeds {
  private Seeds() {}

  /** The system property that pins the seed of every seeded run. */
  public static final String PROPERTY = "ledger.seed";

  /** Parses {@code 12345}, {@code -7} or {@code 0x1f2e...} (64-bit, unsigned in hex). */
  public static long parse(String text) {
    String t = text.strip().replace("_", "");
    if (t.startsWith("0x") || t.startsWith("0X")) {
      return Long.parseUnsignedLong(t.substring(2), 16);
    }
    return Long.parseLong(t);
  }

  /** The seed pinned with {@code -Dledger.seed}, if any. */
  public static Optional<Long> fromSystemProperty() {
    String value = System.getProperty(PROPERTY);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
  }

  /** The pinned seed, or a fresh random one. */
  public static long pinnedOrRandom() {
    return fromSystemProperty().orElseGet(() -> new SplittableRandom().nextLong());
  }

  /** {@code 0x} and 16 hex digits: the form failures print. */
  public static String format(long seed) {
    return String.format("0x%016x", seed);
  }

  /**
   * The seed of the {@code index}-th case of a run with seed {@code master}. Case 0 uses {@code master}
   * itself, so a failing case's seed, used as the master seed of a one-case run, replays that case.
   */
  public static long derive(long master, long index) {
    if (index == 0) {
      return master;
    }
    long z = master + index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
