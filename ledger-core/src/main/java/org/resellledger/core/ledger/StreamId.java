package org.resellledger.core.ledger;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.order.OrderId;

/**
 * The stream an event belongs to: a kind (an item's, an order's, or any kind a concept registers) and an
 * id. Each stream has its own version, the unit of optimistic concurrency; there is no global lock.
 */
public record StreamId(Kind kind, String id) {
  public StreamId {
    if (kind == null || id == null || id.isBlank()) {
      throw new IllegalArgumentException("stream kind and id are required");
    }
  }

  public static StreamId of(ItemId item) {
    return new StreamId(Kind.ITEM, item.value());
  }

  public static StreamId of(OrderId order) {
    return new StreamId(Kind.ORDER, order.value());
  }

  /**
   * A kind of stream, by name: upper-case letters, digits and {@code _}, at most 16 characters (stores keep
   * it in a column of that size). An open set: {@link #ITEM} and {@link #ORDER} are core's, a concept adds
   * its own with {@link #of}. One instance per name, so kinds compare with {@code ==} as the enum did.
   */
  public static final class Kind implements Comparable<Kind> {
    private static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();

    public static final Kind ITEM = of("ITEM");
    public static final Kind ORDER = of("ORDER");

    private final String name;

    private Kind(String name) {
      this.name = name;
    }

    public static Kind of(String name) {
      if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,15}")) {
        throw new IllegalArgumentException("a stream kind is 1-16 of A-Z, 0-9 and _, starting with a letter: " + name);
      }
      return KINDS.computeIfAbsent(name, Kind::new);
    }

    /** The kind with this name, as {@code Enum.valueOf} did. */
    public static Kind valueOf(String name) {
      return of(name);
    }

    public String name() {
      return name;
    }

    @Override
    public int compareTo(Kind other) {
      return name.compareTo(other.name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
  }
}
