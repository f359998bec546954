package org.resellledger.core.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;

/**
 * An order as it stands now: the projection of its stream. Channel orders and local sales alike.
 *
 * <ul>
 *   <li>Every amount is in the order's currency.
 *   <li>{@code refunded} never exceeds what the buyer paid (sale price plus shipping charged).
 *   <li>Its status is separate from the inventory status of its items.
 *   <li>{@code tracking} is empty when it shipped without tracking (or has not shipped); {@code shipBy} is
 *       the date it must leave by, when the channel or the seller set one.
 * </ul>
 */
public record Order(
    OrderId id,
    Channel channel,
    Optional<String> externalOrderId,
    OrderStatus status,
    List<OrderLine> lines,
    Money fees,
    Money shippingCharged,
    Money shippingCost,
    Money refunded,
    Optional<String> carrier,
    Optional<String> tracking,
    Optional<Instant> returnDeadline,
    Instant placedAt,
    long version,
    Optional<Instant> shipBy) {

  public Order {
    lines = List.copyOf(lines);
    shipBy = shipBy == null ? Optional.empty() : shipBy;
  }

  /** An order with no ship-by date. */
  public Order(OrderId id, Channel channel, Optional<String> externalOrderId, OrderStatus status,
      List<OrderLine> lines, Money fees, Money shippingCharged, Money shippingCost, Money refunded,
      Optional<String> carrier, Optional<String> tracking, Optional<Instant> returnDeadline, Instant placedAt,
      long version) {
    this(id, channel, externalOrderId, status, lines, fees, shippingCharged, shippingCost, refunded, carrier,
        tracking, returnDeadline, placedAt, version, Optional.empty());
  }

  /** What the buyer paid for the goods: the sum of line totals. */
  public Money salePrice() {
    Money sum = Money.zero(fees.currency());
    for (OrderLine line : lines) {
      sum = sum.plus(line.total());
    }
    return sum;
  }

  public Optional<OrderLine> line(ItemId item) {
    return lines.stream().filter(l -> l.item().equals(item)).findFirst();
  }

  public boolean hasShortfall() {
    return lines.stream().anyMatch(l -> l.shortfall() > 0);
  }
}
