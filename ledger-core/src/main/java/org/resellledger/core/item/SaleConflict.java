package org.resellledger.core.item;

import org.resellledger.core.order.OrderId;

/** A double sale: an order sold {@code shortfall} units of this item that were not available. */
public record SaleConflict(OrderId order, int shortfall) {}
