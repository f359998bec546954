package org.resellledger.samples.channels;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.resellledger.core.RejectionException;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;

/**
 * What every channel's reader and mapper do the same way with what a sender controls: texts cleaned to what the
 * inbox accepts, the headers that matter picked by name, an id for a delivery that names none, bodies beyond the
 * inbox's bound, and a mapping that answers for any body.
 */
public final class Deliveries {
  /** The header the receiver sets (never taken from a sender) on a delivery whose body was beyond the bound. */
  public static final String OVERSIZE_HEADER = "x-ledger-oversize";
  /** How much of a body beyond the bound is kept, as evidence. */
  public static final int OVERSIZE_KEPT = 64 * 1024;
  /** The topic, account or id of a delivery that named none. */
  public static final String MISSING = "(missing)";

  private Deliveries() {}

  /** {@code value} without control characters and clipped to {@code max}; {@link #MISSING} when there is none. */
  public static String field(String value, int max) {
    if (value == null) {
      return MISSING;
    }
    String clean = value.replaceAll("\\p{Cntrl}", "").strip();
    if (clean.isEmpty()) {
      return MISSING;
    }
    return clean.length() <= max ? clean : clean.substring(0, max);
  }

  /** The headers among {@code names} that were sent, cleaned and clipped as the inbox accepts them. */
  public static Map<String, String> keep(Map<String, String> headers, Set<String> names) {
    Map<String, String> kept = new TreeMap<>();
    headers.forEach((name, value) -> {
      if (names.contains(name) && value != null) {
        String clean = field(value, ProviderEvent.MAX_HEADER_VALUE);
        if (!clean.equals(MISSING)) {
          kept.put(name, clean);
        }
      }
    });
    return kept;
  }

  /** An id for a delivery that names none: {@code sha256:} and the first 32 hex digits of the body's digest. */
  public static String bodyId(byte[] body) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The event of a delivery whose body was {@code size} bytes, beyond {@link ProviderEvent#MAX_BODY_BYTES}: the
   * reader's event of its first {@link #OVERSIZE_KEPT} bytes, marked, its signature not checked (the whole body
   * is not kept, so no check could be shown). Its mapper ignores it, naming the size.
   */
  public static ProviderEvent oversized(ProviderEvent ofPrefix, long size) {
    return ProviderEvent.builder().from(ofPrefix).putHeaders(OVERSIZE_HEADER, Long.toString(size))
        .signature(SignatureVerdict.NOT_CHECKED).build();
  }

  /**
   * What a channel's mapper answers for {@code event}: the oversize mark first, then {@code mapping}, where a
   * body that cannot be read ({@link PayloadException}) or holds a value the ledger refuses is ignored with the
   * reason, never thrown.
   */
  public static Mapping guarded(ProviderEvent event, Supplier<Mapping> mapping) {
    Optional<String> size = Optional.ofNullable(event.headers().get(OVERSIZE_HEADER));
    if (size.isPresent()) {
      return new Mapping.Ignore("body too large: " + size.get() + " bytes, at most " + ProviderEvent.MAX_BODY_BYTES
          + " are read; the first " + Math.min(OVERSIZE_KEPT, event.body().length) + " kept as evidence");
    }
    String what = event.provider() + " " + Json.clip(event.topic(), 100);
    try {
      return mapping.get();
    } catch (PayloadException e) {
      return new Mapping.Ignore(Json.clip("unreadable " + what + ": " + e.getMessage(), 1000));
    } catch (RejectionException e) {
      return new Mapping.Ignore(Json.clip("a value in " + what + " the ledger refuses: " + e.getMessage(), 1000));
    }
  }

  /** The instant a header gives (ISO-8601 with an offset), when it is one the ledger can keep. */
  public static Optional<java.time.Instant> instant(String text) {
    return Optional.ofNullable(text).flatMap(Json::instant).filter(Deliveries::keepable);
  }

  /** Whether the ledger can keep {@code t} (within its time bounds). */
  public static boolean keepable(java.time.Instant t) {
    return !t.isBefore(org.resellledger.core.ledger.TimeBounds.EARLIEST)
        && t.isBefore(org.resellledger.core.ledger.TimeBounds.LATEST);
  }

  /** The topic is one the ledger does not use: ignored, naming it. */
  public static Mapping unusedTopic(ProviderEvent event) {
    return new Mapping.Ignore(Json.clip("topic " + event.topic() + " of " + event.provider()
        + " is not used by the ledger", 1000));
  }
}
