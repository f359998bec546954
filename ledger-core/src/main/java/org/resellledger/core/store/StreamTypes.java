package org.resellledger.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resellledger.core.ledger.StreamId;

/**
 * The registered kinds of stream beyond items and orders, for the ledger's kernel and for stores. One
 * registration per kind, before any ledger uses it; registering the same type again changes nothing.
 */
public final class StreamTypes {
  private static final Map<StreamId.Kind, StreamType<?>> TYPES = new ConcurrentHashMap<>();

  private StreamTypes() {}

  public static void register(StreamType<?> type) {
    StreamId.Kind kind = type.kind();
    if (kind == StreamId.Kind.ITEM || kind == StreamId.Kind.ORDER) {
      throw new IllegalArgumentException(kind + " streams are core's own");
    }
    StreamType<?> before = TYPES.putIfAbsent(kind, type);
    if (before != null && !before.getClass().equals(type.getClass())) {
      throw new IllegalStateException("stream kind " + kind + " is registered already, by " + before);
    }
  }

  public static Optional<StreamType<?>> find(StreamId.Kind kind) {
    return Optional.ofNullable(TYPES.get(kind));
  }

  public static StreamType<?> require(StreamId.Kind kind) {
    return find(kind).orElseThrow(() -> new IllegalStateException("no stream type registered for " + kind));
  }

  public static List<StreamType<?>> all() {
    return List.copyOf(TYPES.values());
  }
}
