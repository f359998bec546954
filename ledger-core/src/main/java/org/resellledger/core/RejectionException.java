package org.resellledger.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A refused command or an invalid value. Says what ({@link #code()}), where ({@link #field()}, and the
 * offending {@link #value()}) and why (the message, which names what is allowed). A refused command has
 * changed nothing.
 */
public final class RejectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectionCode code;
  private final String field;
  private final String value;
  private final String why;

  public RejectionException(RejectionCode code, String field, Object value, String why) {
    super(code + " " + field + "=" + render(value) + ": " + Objects.requireNonNull(why, "why"));
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
    this.value = value == null ? null : String.valueOf(value);
    this.why = why;
  }

  /** An {@link RejectionCode#INVALID_VALUE} rejection. */
  public static RejectionException invalid(String field, Object value, String why) {
    return new RejectionException(RejectionCode.INVALID_VALUE, field, value, why);
  }

  public RejectionCode code() {
    return code;
  }

  /** The field, column or identifier the rejection is about, e.g. {@code sku} or {@code quantity}. */
  public String field() {
    return field;
  }

  /** The offending value as given, if there was one. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** Why it was refused, and what is allowed: the message without code, field and value. */
  public String why() {
    return why;
  }

  private static String render(Object value) {
    return value == null ? "<missing>" : "'" + value + "'";
  }
}
