package org.resellledger.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Where new identities come from. Passed in, so that the domain never draws randomness itself and tests
 * can pin every id.
 */
@FunctionalInterface
public interface IdGenerator {
  /** A new identifier, unique within the workspace. */
  String next();

  /**
   * Time-ordered UUIDs (version 7, RFC 9562): the default. The first 48 bits are the Unix time in
   * milliseconds and the next 12 a counter within the millisecond, so ids from one generator sort (as text
   * too) in the order they were made, even if the clock steps back; the last 62 bits are random. New rows
   * then land at the end of every index keyed by id instead of on a random page.
   */
  static IdGenerator timeOrdered() {
    return timeOrdered(Clock.systemUTC(), new SplittableRandom(new SecureRandom().nextLong()));
  }

  /** Time-ordered UUIDs from this clock and randomness: deterministic when both are. Thread-safe. */
  static IdGenerator timeOrdered(Clock clock, RandomGenerator random) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    return new IdGenerator() {
      /** The last id's milliseconds and counter, as (millis << 12 | counter). */
      private long last = Long.MIN_VALUE;

      @Override
      public synchronized String next() {
        long stamp = Math.max(clock.millis() << 12, last + 1);
        last = stamp;
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
      }
    };
  }

  /** Random UUIDs (version 4). */
  static IdGenerator uuids() {
    return () -> UUID.randomUUID().toString();
  }

  /** {@code prefix1}, {@code prefix2}, ...: deterministic, for tests and demos. Thread-safe. */
  static IdGenerator sequential(String prefix) {
    AtomicLong counter = new AtomicLong();
    return () -> prefix + counter.incrementAndGet();
  }
}
