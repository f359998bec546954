package org.resellledger.core.store;

import java.util.Optional;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.value.Checks;

/**
 * For stores: the text of a commit that core's value types do not check themselves (stream ids, an event's
 * reason and causation, unique keys, a receipt's fingerprint), checked the same way by every store before
 * it writes anything, so a value one store would refuse or change is refused by all of them, the in-memory
 * store included.
 *
 * <ul>
 *   <li>no NUL or other control character but tab, line feed and carriage return, no unpaired surrogate;
 *   <li>a stream id at most {@value #MAX_STREAM_ID} characters, a reason at most {@value #MAX_REASON}, a
 *       causation at most {@value #MAX_CAUSATION} (what {@code Origin} takes), a receipt's fingerprint at most
 *       {@value #MAX_FINGERPRINT}: what stores' columns hold.
 * </ul>
 *
 * A refusal is {@code INVALID_VALUE} naming the field ({@code stream.id}, {@code reason}, {@code causation},
 * {@code key.name}, {@code key.value}, {@code receipt.fingerprint}).
 */
public final class StorableText {
  public static final int MAX_STREAM_ID = 64;
  public static final int MAX_REASON = 1000;
  public static final int MAX_CAUSATION = 200;
  public static final int MAX_FINGERPRINT = 128;

  private StorableText() {}

  /** Refuses the commit when any of that text cannot be stored as given. */
  public static void check(Commit commit) {
    for (LedgerEvent e : commit.events()) {
      streamId(e.stream());
      optional("reason", e.reason(), MAX_REASON);
      optional("causation", e.causation(), MAX_CAUSATION);
    }
    commit.receipt().ifPresent(r -> Checks.storable("receipt.fingerprint", r.fingerprint(), MAX_FINGERPRINT));
    for (StreamState s : commit.streams()) {
      streamId(s.stream());
      for (UniqueKey k : s.keys()) {
        Checks.storable("key.name", k.name(), Integer.MAX_VALUE);
        Checks.storable("key.value", k.value(), Integer.MAX_VALUE);
      }
    }
  }

  /**
   * Refuses other text a store is about to write (a document of a registered kind's state, whose text no
   * core type checked) by the same rules: at most {@code maxLength} characters, nothing no store keeps.
   */
  public static void check(String field, String text, int maxLength) {
    Checks.storable(field, text, maxLength);
  }

  private static void streamId(StreamId stream) {
    Checks.storable("stream.id", stream.id(), MAX_STREAM_ID);
  }

  private static void optional(String field, Optional<String> text, int maxLength) {
    text.ifPresent(t -> Checks.storable(field, t, maxLength));
  }
}
