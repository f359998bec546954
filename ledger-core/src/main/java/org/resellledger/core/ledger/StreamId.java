package org.resellledger.core.ledger;

import org.resellledger.core.item.ItemId;
import org.resellledger.core.order.OrderId;

/**
 * The stream an event belongs to: an item's or an order's. Each stream has its own version, the unit of
 * optimistic concurrency; there is no global lock.
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

  /** The two kinds of stream. */
  public enum Kind {
    ITEM, ORDER
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
