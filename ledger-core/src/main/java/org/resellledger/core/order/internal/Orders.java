package org.resellledger.core.order.internal;

import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.value.Checks;

/** Order streams inside a transaction: finding an order, and appending its facts. */
public final class Orders {
  private Orders() {}

  public static Order order(Tx tx, OrderId id) {
    Checks.present("order", id);
    Order known = tx.held(StreamId.of(id));
    if (known != null) {
      return known;
    }
    Order order = tx.store().order(tx.workspace(), id)
        .orElseThrow(() -> RejectionException.unknownOrder(id));
    return tx.join(StreamId.of(id), order, order.version());
  }

  /** Whether an order with this external id on this channel exists, in this transaction or the store. */
  static boolean externalIdTaken(Tx tx, Channel channel, String externalOrderId) {
    for (Order o : tx.held(StreamId.Kind.ORDER, Order.class)) {
      if (o.channel().equals(channel) && o.externalOrderId().filter(externalOrderId::equals).isPresent()) {
        return true;
      }
    }
    return !tx.trustKeys() && tx.store().orderByExternalId(tx.workspace(), channel, externalOrderId).isPresent();
  }

  static Order start(Tx tx, OrderId id, EventPayload payload) {
    return tx.append(StreamId.of(id), 1, Optional.empty(), Optional.empty(), Optional.of(id), Optional.empty(),
        payload, tx.origin().causation());
  }

  static Order fact(Tx tx, Order order, EventPayload payload) {
    return tx.append(StreamId.of(order.id()), order.version() + 1, Optional.empty(), Optional.empty(),
        Optional.of(order.id()), Optional.empty(), payload, tx.origin().causation());
  }
}
