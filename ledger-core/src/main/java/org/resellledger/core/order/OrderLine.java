package org.resellledger.core.order;

import java.util.Optional;
import org.resellledger.core.value.Checks;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;

/**
 * One line of an order and where its units are.
 *
 * <ul>
 *   <li>{@code committed <= quantity}; the difference is a double-sale shortfall: sold on the channel but
 *       never taken from stock.
 *   <li>{@code handedOver <= committed} (shipped or picked up), {@code returned <= handedOver}.
 * </ul>
 */
public record OrderLine(
    ItemId item,
    Sku sku,
    Optional<ListingId> listing,
    int quantity,
    Money unitPrice,
    int committed,
    int handedOver,
    int returned) {

  public OrderLine {
    Checks.positive("line.quantity", quantity);
    unitPrice.requireNonNegative("line.unitPrice");
    if (committed < 0 || committed > quantity || handedOver < 0 || handedOver > committed
        || returned < 0 || returned > handedOver) {
      throw new IllegalStateException("inconsistent order line " + sku + ": " + quantity + "/" + committed + "/"
          + handedOver + "/" + returned);
    }
  }

  /** Units sold on the channel that were never in stock. */
  public int shortfall() {
    return quantity - committed;
  }

  public Money total() {
    return unitPrice.times(quantity);
  }

  public OrderLine withCommitted(int n) {
    return new OrderLine(item, sku, listing, quantity, unitPrice, n, handedOver, returned);
  }

  public OrderLine withHandedOver(int n) {
    return new OrderLine(item, sku, listing, quantity, unitPrice, committed, n, returned);
  }

  public OrderLine withReturned(int n) {
    return new OrderLine(item, sku, listing, quantity, unitPrice, committed, handedOver, n);
  }
}
