package org.resellledger.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.LedgerEvent;

/**
 * What a list of commands would do, from {@link Ledger#preview}: one {@link Step} per command, in the order
 * given. Nothing was written. When {@link #accepted()} holds, {@link Ledger#executeAll} on the same state
 * appends the same events (their ids, and causations naming them, are drawn anew).
 */
public record Preview(List<Step> steps) {
  public Preview {
    steps = List.copyOf(steps);
  }

  /** Whether no command would be refused. */
  public boolean accepted() {
    return steps.stream().allMatch(Step::accepted);
  }

  /** Every rejection, in command order; each names its command's {@link RejectionException#position()}. */
  public List<RejectionException> rejections() {
    return steps.stream().flatMap(s -> s.rejections().stream()).toList();
  }

  /** The events the accepted commands would append, in order (duplicates add none). */
  public List<LedgerEvent> events() {
    return steps.stream().filter(s -> !s.duplicate()).flatMap(s -> s.events().stream()).toList();
  }

  /** The step of the command at {@code position} (from 0). */
  public Step step(int position) {
    return steps.get(position);
  }

  /**
   * One command's outcome. Accepted: the events it would append and the balances of every item it touches
   * right after it. A duplicate (its provider event was applied already, or earlier in the same list): the
   * events of that first delivery, and nothing new. Refused: its rejections, which change nothing, so the
   * commands after it are previewed as if it were not in the list.
   */
  public record Step(
      int position,
      Command command,
      List<LedgerEvent> events,
      Map<Sku, Balances> balancesAfter,
      boolean duplicate,
      List<RejectionException> rejections) {
    public Step {
      Objects.requireNonNull(command, "command");
      events = List.copyOf(events);
      balancesAfter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(balancesAfter));
      rejections = List.copyOf(rejections);
    }

    public static Step accepted(int position, Command command, List<LedgerEvent> events,
        Map<Sku, Balances> balancesAfter) {
      return new Step(position, command, events, balancesAfter, false, List.of());
    }

    public static Step duplicate(int position, Command command, List<LedgerEvent> firstEvents) {
      return new Step(position, command, firstEvents, Map.of(), true, List.of());
    }

    public static Step refused(int position, Command command, RejectionException rejection) {
      return new Step(position, command, List.of(), Map.of(), false, List.of(rejection));
    }

    public boolean accepted() {
      return rejections.isEmpty();
    }

    /** The first rejection, in the precedence order of {@link RejectionCode}. */
    public Optional<RejectionException> rejection() {
      return rejections.stream().findFirst();
    }
  }
}
