package org.resellledger.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
  /** The refused command's index in the list given to {@code executeAll} or {@code preview}; -1 if none. */
  private final int position;
  /** Further problems of the same input, found in the same check; see {@link #all()}. */
  private final List<RejectionException> more;
  /** Which command of a list, in words, at the start of the message; empty outside a list. */
  private final String where;

  public RejectionException(RejectionCode code, String field, Object value, String why) {
    this(code, field, value == null ? null : String.valueOf(value), why, -1, List.of());
  }

  private RejectionException(RejectionCode code, String field, String value, String why, int position,
      List<RejectionException> more) {
    this(code, field, value, why, position, more, "");
  }

  private RejectionException(RejectionCode code, String field, String value, String why, int position,
      List<RejectionException> more, String where) {
    super(where + code + " " + field + "=" + render(value) + ": " + Objects.requireNonNull(why, "why")
        + (more.isEmpty() ? "" : " (and " + more.size() + " more: "
            + more.stream().map(m -> m.field).collect(java.util.stream.Collectors.joining(", ")) + ")"));
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
    this.value = value;
    this.why = why;
    this.position = position;
    this.more = List.copyOf(more);
    this.where = where;
  }

  /**
   * One rejection that carries every problem found in one check, in the order found: this is the first of
   * them, {@link #all()} lists them all. For a value with several bad fields, so that a tool can report
   * each field at once instead of one per attempt.
   */
  public static RejectionException allOf(List<RejectionException> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    List<RejectionException> flat = problems.stream().flatMap(p -> p.all().stream()).toList();
    RejectionException first = flat.get(0);
    return new RejectionException(first.code, first.field, first.value, first.why, first.position,
        flat.subList(1, flat.size()), first.where);
  }

  /** This problem and the further ones found with it (each with its own code, field and value). */
  public List<RejectionException> all() {
    if (more.isEmpty()) {
      return List.of(this);
    }
    List<RejectionException> all = new java.util.ArrayList<>();
    all.add(new RejectionException(code, field, value, why, position, List.of(), where));
    all.addAll(more);
    return List.copyOf(all);
  }

  /** An {@link RejectionCode#MISSING_FIELD} rejection for each required field, together. */
  public static RejectionException missing(String type, List<String> fields) {
    return allOf(fields.stream()
        .map(f -> new RejectionException(RejectionCode.MISSING_FIELD, f, null, "required for " + type))
        .toList());
  }

  /**
   * The same rejection, about the command at {@code position} (from 0) of a list of {@code count}: the
   * position is kept as {@link #position()} and named at the start of the message ("command 3 of 10
   * (HoldUnits): INVALID_VALUE ..."); {@link #why()} stays as it was, for tools that say where themselves.
   */
  public RejectionException at(int position, int count, String commandKind) {
    if (position < 0 || position >= count) {
      throw new IllegalArgumentException("position " + position + " outside 0.." + (count - 1));
    }
    String where = "command " + (position + 1) + " of " + count + " (" + commandKind + "): ";
    return new RejectionException(code, field, value, why, position,
        more.stream().map(m -> new RejectionException(m.code, m.field, m.value, m.why, position, List.of(), where))
            .toList(), where);
  }

  /** An {@link RejectionCode#UNKNOWN_ORDER} rejection naming the order id. */
  public static RejectionException unknownOrder(Object order) {
    return new RejectionException(RejectionCode.UNKNOWN_ORDER, "order", order, "no order with this id");
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

  /**
   * Where the refused command stood, from 0, in the list given to {@code Ledger.executeAll} or {@code
   * Ledger.preview}; empty for a single command or an invalid value outside any list. Tools map a rejection
   * back to their input (a CSV row) by this position, never by the message.
   */
  public OptionalInt position() {
    return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
  }

  /** Why it was refused, and what is allowed: the message without code, field and value. */
  public String why() {
    return why;
  }

  private static String render(Object value) {
    return value == null ? "<missing>" : "'" + value + "'";
  }
}
