package org.resellledger.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact.OrderPlaced;
import org.resellledger.core.order.OrderFact.OrderShipped;
import org.resellledger.core.order.OrderFact.ReturnRequested;
import org.resellledger.core.order.OrderFact.ShipByDateSet;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.OrderQuery;

/** The rules of the queues about orders: late shipments, missing tracking, return deadlines. */
final class OrderRulesOfQueues {
  /** Paid and not handed over: what must ship. */
  static final OrderQuery UNSHIPPED = OrderQuery.all().statuses(OrderStatus.PAID, OrderStatus.PICKED,
      OrderStatus.PACKED);
  static final OrderQuery SHIPPED = OrderQuery.all().statuses(OrderStatus.SHIPPED);
  static final OrderQuery RETURNING = OrderQuery.all().statuses(OrderStatus.RETURN_REQUESTED);

  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final QueuePolicy policy;

  OrderRulesOfQueues(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.policy = policy;
  }

  private static Optional<Pending> pending(Order order,
      java.util.function.Function<List<LedgerEvent>, Optional<QueueEntry>> finish) {
    return Optional.of(new Pending(StreamId.of(order.id()), finish));
  }

  Optional<Pending> lateShipment(Order order) {
    return lateShipmentEntry(order, List.of()).isPresent() ? pending(order, s -> lateShipmentEntry(order, s))
        : Optional.empty();
  }

  Optional<Pending> missingTracking(Order order) {
    return missingTrackingEntry(order, List.of()).isPresent() ? pending(order, s -> missingTrackingEntry(order, s))
        : Optional.empty();
  }

  Optional<Pending> returnDeadline(Order order) {
    return returnDeadlineEntry(order, List.of()).isPresent() ? pending(order, s -> returnDeadlineEntry(order, s))
        : Optional.empty();
  }

  private static QueueEntry entry(QueueKind kind, Order order, String summary, List<EventId> evidence,
      Map<String, String> figures, String action, Optional<Instant> due) {
    return new QueueEntry(kind, order.id().value(), summary, evidence, figures, action, due);
  }

  private static Map<String, String> figures(Order order) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("channel", order.channel().code());
    order.externalOrderId().ifPresent(x -> figures.put("externalOrderId", x));
    figures.put("status", order.status().name());
    return figures;
  }

  /** Paid, not handed over, and the ship-by date within {@link QueuePolicy#shipSoon} or past. */
  private Optional<QueueEntry> lateShipmentEntry(Order order, List<LedgerEvent> stream) {
    Instant now = config.clock().instant();
    if (!UNSHIPPED.matches(order) || order.shipBy().isEmpty()
        || order.shipBy().get().isAfter(now.plus(policy.shipSoon()))) {
      return Optional.empty();
    }
    Instant shipBy = order.shipBy().get();
    List<EventId> evidence = stream.stream()
        .filter(e -> e.payload() instanceof OrderPlaced || e.payload() instanceof ShipByDateSet)
        .map(LedgerEvent::id).toList();
    Map<String, String> figures = figures(order);
    figures.put("shipBy", shipBy.toString());
    long hours = Duration.between(now, shipBy).toHours();
    figures.put("hoursLeft", String.valueOf(hours));
    boolean late = shipBy.isBefore(now);
    String summary = "order " + order.id() + (late ? " is late: it was to ship by " : " must ship by ") + shipBy;
    String action = late ? "ship it now (ShipOrder) and tell the buyer, or cancel it (CancelOrder)"
        : "pack and ship it (ShipOrder) before " + shipBy;
    return Optional.of(entry(QueueKind.LATE_SHIPMENT, order, summary, evidence, figures, action,
        Optional.of(shipBy)));
  }

  private Optional<QueueEntry> missingTrackingEntry(Order order, List<LedgerEvent> stream) {
    if (order.status() != OrderStatus.SHIPPED || order.tracking().isPresent()) {
      return Optional.empty();
    }
    List<EventId> evidence = stream.stream().filter(e -> e.payload() instanceof OrderShipped)
        .map(LedgerEvent::id).toList();
    Map<String, String> figures = figures(order);
    order.carrier().ifPresent(c -> figures.put("carrier", c));
    return Optional.of(entry(QueueKind.MISSING_TRACKING, order, "order " + order.id() + " shipped without tracking",
        evidence, figures, "add the carrier's tracking number (AddTracking)", Optional.empty()));
  }

  private Optional<QueueEntry> returnDeadlineEntry(Order order, List<LedgerEvent> stream) {
    if (order.status() != OrderStatus.RETURN_REQUESTED || order.returnDeadline().isEmpty()) {
      return Optional.empty();
    }
    Instant deadline = order.returnDeadline().get();
    Instant now = config.clock().instant();
    List<EventId> evidence = stream.stream().filter(e -> e.payload() instanceof ReturnRequested)
        .map(LedgerEvent::id).toList();
    Map<String, String> figures = figures(order);
    figures.put("deadline", deadline.toString());
    figures.put("hoursLeft", String.valueOf(Duration.between(now, deadline).toHours()));
    String action = deadline.isBefore(now)
        ? "the deadline passed: close the return (MarkDelivered) or refund as agreed (IssueRefund)"
        : "receive the parcel when it arrives (ReceiveReturn)";
    return Optional.of(entry(QueueKind.RETURN_DEADLINE, order, "return of order " + order.id() + " due by "
        + deadline, evidence, figures, action, Optional.of(deadline)));
  }
}
