package org.resellledger.jooq.internal.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderLine;

/** The part of an order that no query filters on, stored as one JSON document. */
record OrderBody(
    List<OrderLine> lines,
    Money fees,
    Money shippingCharged,
    Money shippingCost,
    Money refunded,
    Optional<String> carrier,
    Optional<String> tracking,
    Optional<Instant> returnDeadline,
    Optional<Instant> shipBy) {}
