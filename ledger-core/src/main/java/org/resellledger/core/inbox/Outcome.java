package org.resellledger.core.inbox;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.value.Checks;

/**
 * What became of an inbox entry: its {@link InboxState} and what that state carries. One record rather
 * than a type per state: every state carries at most one text and only {@code APPLIED} carries events, and
 * stores keep exactly these three columns.
 *
 * <ul>
 *   <li>{@code APPLIED} carries the ids of the ledger events it produced (at most {@value #MAX_EVENTS});
 *   <li>{@code PARKED}, {@code IGNORED} and {@code DUPLICATE} a reason (at most {@value #MAX_REASON}
 *       characters), {@code FAILED} an error (at most {@value #MAX_ERROR}), {@code HELD} the prerequisite it
 *       waits for (at most {@value #MAX_PREREQUISITE}, e.g. {@code order shopify/5001}), {@code CONFLICT}
 *       the id of the entry it conflicts with;
 *   <li>{@code RECEIVED} carries nothing; no state carries what another state's would.
 * </ul>
 */
public record Outcome(InboxState state, Optional<String> detail, List<EventId> events) {
  public static final int MAX_REASON = 1000;
  public static final int MAX_ERROR = 2000;
  public static final int MAX_PREREQUISITE = 200;
  public static final int MAX_EVENTS = 1000;

  public Outcome {
    Checks.present("state", state);
    Checks.present("detail", detail);
    Checks.present("events", events);
    events = List.copyOf(events);
    String field = detailField(state);
    if (field == null && detail.isPresent()) {
      throw RejectionException.invalid("detail", detail.get(), state + " carries no text");
    }
    if (field != null) {
      detail = Optional.of(Checks.text(field, detail.orElse(null), maxDetail(state)));
    }
    if (state != InboxState.APPLIED && !events.isEmpty()) {
      throw RejectionException.invalid("events", events, "only APPLIED carries events");
    }
    if (events.size() > MAX_EVENTS) {
      throw RejectionException.invalid("events", events.size(), "at most " + MAX_EVENTS + " event ids");
    }
  }

  private static String detailField(InboxState state) {
    return switch (state) {
      case RECEIVED, APPLIED -> null;
      case PARKED, IGNORED, DUPLICATE -> "reason";
      case HELD -> "prerequisite";
      case FAILED -> "error";
      case CONFLICT -> "conflictsWith";
    };
  }

  private static int maxDetail(InboxState state) {
    return switch (state) {
      case FAILED -> MAX_ERROR;
      case HELD -> MAX_PREREQUISITE;
      case CONFLICT -> 64;
      default -> MAX_REASON;
    };
  }

  private static Outcome with(InboxState state, String detail) {
    return new Outcome(state, Optional.ofNullable(detail).or(() -> Optional.of("")), List.of());
  }

  public static Outcome received() {
    return new Outcome(InboxState.RECEIVED, Optional.empty(), List.of());
  }

  public static Outcome applied(List<EventId> events) {
    return new Outcome(InboxState.APPLIED, Optional.empty(), events);
  }

  public static Outcome parked(String reason) {
    return with(InboxState.PARKED, reason);
  }

  public static Outcome held(String prerequisite) {
    return with(InboxState.HELD, prerequisite);
  }

  public static Outcome ignored(String reason) {
    return with(InboxState.IGNORED, reason);
  }

  public static Outcome failed(String error) {
    return with(InboxState.FAILED, error);
  }

  public static Outcome duplicate(String reason) {
    return with(InboxState.DUPLICATE, reason);
  }

  public static Outcome conflict(InboxEntryId first) {
    return with(InboxState.CONFLICT, Checks.present("conflictsWith", first).value());
  }
}
