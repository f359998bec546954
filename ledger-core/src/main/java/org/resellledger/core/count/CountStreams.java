package org.resellledger.core.count;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.StreamId;

/**
 * The stream kinds of physical counts and the keys their states hold, for stores and readers.
 *
 * <ul>
 *   <li>{@link #COUNT}: one stream per session, id = the session id, state {@link CountSession}.
 *   <li>{@link #LOCATION}: one stream per location ever counted, id = {@link #locationId} (a digest: a
 *       location's text may be longer than a stream id), state {@link LocationCount}.
 * </ul>
 *
 * Keys (name: value), read with {@code LedgerStore.streamsWithKeyPrefix}: a session holds
 * {@code session: <opened-at millis>|<id>} always and {@code open: <location>} while OPEN (so one location
 * has at most one open session); a location holds {@code location: <location>}.
 */
public final class CountStreams {
  public static final StreamId.Kind COUNT = StreamId.Kind.of("COUNT");
  public static final StreamId.Kind LOCATION = StreamId.Kind.of("LOCATION");

  public static final String SESSION_KEY = "session";
  public static final String OPEN_KEY = "open";
  public static final String LOCATION_KEY = "location";

  private CountStreams() {}

  public static StreamId of(CountSessionId id) {
    return new StreamId(COUNT, id.value());
  }

  public static StreamId of(StorageLocation location) {
    return new StreamId(LOCATION, locationId(location));
  }

  /** The stream id of a location: {@code L} and the first 40 hex digits of the SHA-256 of its text. */
  public static String locationId(StorageLocation location) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(location.toString().getBytes(StandardCharsets.UTF_8));
      return "L" + HexFormat.of().formatHex(hash).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Whether {@code place} is {@code location} or lies under it ({@code GARAGE} holds {@code GARAGE/S1}). */
  public static boolean covers(StorageLocation location, StorageLocation place) {
    String outer = location.toString();
    String inner = place.toString();
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
