package org.resellledger.jooq.internal.mapping;

import org.resellledger.core.WorkspaceId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.StoredValues;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;

/** An {@link Order} as one row of {@code ledger_orders}: keys and status in columns, the rest as JSON. */
public final class OrderRows {
  private OrderRows() {}

  public static LedgerOrdersRecord toRecord(WorkspaceId workspace, Order o) {
    LedgerOrdersRecord r = new LedgerOrdersRecord();
    r.setWorkspaceId(workspace.value());
    r.setOrderId(o.id().value());
    r.setChannel(o.channel().code());
    r.setExternalOrderId(o.externalOrderId().orElse(null));
    r.setStatus(o.status().name());
    r.setPlacedAt(Times.micros(o.placedAt()));
    r.setPlacedAtNanos(Times.belowMicros(o.placedAt()));
    r.setVersion(o.version());
    r.setBody(LedgerJson.write(new OrderBody(o.lines(), o.fees(), o.shippingCharged(), o.shippingCost(),
        o.refunded(), o.carrier(), o.tracking(), o.returnDeadline(), o.shipBy())));
    return r;
  }

  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static Order toOrder(LedgerOrdersRecord r) {
    return StoredValues.read(() -> readOrder(r));
  }

  private static Order readOrder(LedgerOrdersRecord r) {
    OrderBody b = LedgerJson.read(r.getBody(), OrderBody.class);
    return new Order(
        OrderId.of(r.getOrderId()),
        Channel.of(r.getChannel()),
        java.util.Optional.ofNullable(r.getExternalOrderId()),
        OrderStatus.valueOf(r.getStatus()),
        b.lines(),
        b.fees(),
        b.shippingCharged(),
        b.shippingCost(),
        b.refunded(),
        b.carrier(),
        b.tracking(),
        b.returnDeadline(),
        Times.instant(r.getPlacedAt(), r.getPlacedAtNanos()),
        r.getVersion(),
        b.shipBy() == null ? java.util.Optional.empty() : b.shipBy());
  }
}
