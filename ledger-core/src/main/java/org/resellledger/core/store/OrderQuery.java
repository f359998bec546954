package org.resellledger.core.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.value.Checks;

/**
 * Which orders a paged read returns ({@link LedgerStore#orderPage}), ordered by placement time then id
 * (as {@link LedgerStore#orders}). Every condition given must hold; {@link #matches} is the meaning.
 *
 * <ul>
 *   <li>{@code placedFrom} is inclusive, {@code placedBefore} exclusive.
 * </ul>
 */
public record OrderQuery(Set<OrderStatus> statuses, Optional<Instant> placedFrom, Optional<Instant> placedBefore) {

  public OrderQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    Checks.present("placedFrom", placedFrom);
    Checks.present("placedBefore", placedBefore);
  }

  public static OrderQuery all() {
    return new OrderQuery(Set.of(), Optional.empty(), Optional.empty());
  }

  public OrderQuery statuses(OrderStatus... any) {
    return new OrderQuery(Set.of(any), placedFrom, placedBefore);
  }

  public OrderQuery placed(Instant from, Instant before) {
    return new OrderQuery(statuses, Optional.of(from), Optional.of(before));
  }

  public boolean matches(Order order) {
    return (statuses.isEmpty() || statuses.contains(order.status()))
        && placedFrom.map(f -> !order.placedAt().isBefore(f)).orElse(true)
        && placedBefore.map(b -> order.placedAt().isBefore(b)).orElse(true);
  }

  /** The keyset cursor of an order: its placement instant and its id, {@code <instant> <id>}. */
  public static String cursor(Order order) {
    return order.placedAt() + " " + order.id().value();
  }

  /** Whether {@code order} comes after the cursor in the read's order. */
  public static boolean after(Order order, String cursor) {
    Cursor at = Cursor.parse(cursor);
    int c = order.placedAt().compareTo(at.placedAt());
    return c > 0 || (c == 0 && order.id().value().compareTo(at.id()) > 0);
  }

  /**
   * A cursor read back: the placement instant and the order id of the last order a page gave. A text that is
   * not one (from {@link #cursor}) is refused {@code INVALID_VALUE} naming {@code after}.
   */
  public record Cursor(Instant placedAt, String id) {
    public static Cursor parse(String cursor) {
      int space = cursor.indexOf(' ');
      try {
        return new Cursor(Instant.parse(cursor.substring(0, Math.max(space, 0))), cursor.substring(space + 1));
      } catch (RuntimeException e) {
        throw org.resellledger.core.RejectionException.invalid("after", cursor, "a cursor from an order page");
      }
    }
  }
}
