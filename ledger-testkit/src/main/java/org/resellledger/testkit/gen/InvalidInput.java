package org.resellledger.testkit.gen;

import java.util.Objects;
import java.util.function.Supplier;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;

/**
 * A bad value for a negative test: {@code attempt} builds it and must be refused with an
 * {@link RejectionCode#INVALID_VALUE} rejection naming {@code field}.
 *
 * @param field the field the rejection must name, e.g. {@code title} or {@code location}
 * @param what a short description of what is wrong, for test output
 * @param attempt builds the value; expected to throw
 */
public record InvalidInput(String field, String what, Supplier<?> attempt) {
  public InvalidInput {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(attempt, "attempt");
  }

  /**
   * Runs the attempt and returns its rejection; fails with an {@link AssertionError} when the attempt was
   * accepted or failed with anything but a {@link RejectionException}.
   */
  public RejectionException rejection() {
    Object built;
    try {
      built = attempt.get();
    } catch (RejectionException e) {
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": expected a RejectionException on " + field + ", got " + e, e);
    }
    throw new AssertionError(what + ": expected a rejection on " + field + ", but built " + built);
  }

  @Override
  public String toString() {
    return field + ": " + what;
  }
}
