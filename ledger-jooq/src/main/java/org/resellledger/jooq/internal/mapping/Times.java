package org.resellledger.jooq.internal.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in two columns: a timestamp to the microsecond (what PostgreSQL keeps, and what people and
 * indexes read) and the 0-999 nanoseconds below it, so that an instant from a nanosecond clock reads back
 * equal.
 */
final class Times {
  private Times() {}

  static OffsetDateTime micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static int belowMicros(Instant instant) {
    return instant.getNano() % 1_000;
  }

  static Instant instant(OffsetDateTime micros, int belowMicros) {
    return micros.toInstant().plusNanos(belowMicros);
  }
}
