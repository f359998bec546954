package org.resellledger.jooq.internal.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What the paged reads bind: instants as the two columns they are stored in, text as stored JSON. */
public final class PageKeys {
  private PageKeys() {}

  public static OffsetDateTime micros(Instant instant) {
    return Times.micros(instant);
  }

  public static int belowMicros(Instant instant) {
    return Times.belowMicros(instant);
  }

  /** {@code text} as the stores's JSON writes a string: quoted and escaped. */
  public static String jsonString(String text) {
    return LedgerJson.write(text);
  }
}
