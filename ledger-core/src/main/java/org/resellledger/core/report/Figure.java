package org.resellledger.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.ledger.EventId;

/**
 * One figure of a report (units, or an amount in the report's currency) with the events behind it.
 *
 * <ul>
 *   <li>{@code parts} name the events the figure is made of, each with its contribution; the contributions
 *       sum exactly to {@code value} ({@link #partsSum}), so a person can expand the figure and check it.
 *   <li>One event may contribute more than one part (an order's sale price and its fees).
 * </ul>
 */
public record Figure(String name, BigDecimal value, List<Part> parts) {

  public Figure {
    parts = List.copyOf(parts);
  }

  /** One event's contribution to a figure. */
  public record Part(EventId event, BigDecimal value) {}

  /** The sum of the parts' contributions. */
  public BigDecimal partsSum() {
    return parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A figure being added up, part by part. */
  static final class Sum {
    private final String name;
    private final List<Part> parts = new ArrayList<>();
    private BigDecimal value = BigDecimal.ZERO;

    Sum(String name) {
      this.name = name;
    }

    Sum add(EventId event, BigDecimal amount) {
      parts.add(new Part(event, amount));
      value = value.add(amount);
      return this;
    }

    Figure figure() {
      return new Figure(name, value, parts);
    }
  }
}
