package org.resellledger.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.LedgerStore;

/**
 * What the when-command of a {@link Scenario} did, with the then-assertions. Every assertion about an
 * accepted command also checks that replaying the events still equals the stored projections; every
 * assertion about a refused command also checks that it changed nothing at all.
 */
public final class Outcome {
  private final Ledger ledger;
  private final LedgerStore store;
  private final Command command;
  private final CommandResult result;
  private final RejectionException rejection;
  private final State before;

  /** Everything one workspace holds, to tell "changed nothing" exactly. */
  record State(List<LedgerEvent> events, List<Item> items, List<Order> orders) {
    static State of(LedgerStore store, WorkspaceId ws) {
      return new State(store.events(ws), store.items(ws), store.orders(ws));
    }
  }

  private Outcome(Ledger ledger, LedgerStore store, Command command, CommandResult result,
      RejectionException rejection, State before) {
    this.ledger = ledger;
    this.store = store;
    this.command = command;
    this.result = result;
    this.rejection = rejection;
    this.before = before;
  }

  static Outcome accepted(Ledger ledger, LedgerStore store, Command c, CommandResult r, State before) {
    return new Outcome(ledger, store, c, r, null, before);
  }

  static Outcome refused(Ledger ledger, LedgerStore store, Command c, RejectionException e, State before) {
    return new Outcome(ledger, store, c, null, e, before);
  }

  private String what() {
    return command.getClass().getSimpleName();
  }

  private CommandResult requireAccepted() {
    if (rejection != null) {
      throw new AssertionError(what() + " was expected to be accepted but was refused: " + rejection.getMessage(),
          rejection);
    }
    assertThat(ledger.replayMatchesProjections()).as("replaying the events equals the stored projections").isTrue();
    return result;
  }

  /** The command was accepted and appended events of exactly these kinds, in order (e.g. "UnitsHeld"). */
  public Outcome thenEvents(String... kinds) {
    assertThat(requireAccepted().events()).as("kinds of the events %s appended", what())
        .extracting(LedgerEvent::kind).containsExactly(kinds);
    return this;
  }

  /** The command was accepted and appended exactly these payloads, in order, compared by equality. */
  public Outcome thenPayloads(EventPayload... payloads) {
    assertThat(requireAccepted().events()).as("payloads of the events %s appended", what())
        .extracting(LedgerEvent::payload).containsExactly(payloads);
    return this;
  }

  /** The command was accepted and appended exactly one event of {@code type}, which {@code check} accepts. */
  public <P extends EventPayload> Outcome thenEvent(Class<P> type, Consumer<? super P> check) {
    List<P> matching = requireAccepted().events().stream().map(LedgerEvent::payload).filter(type::isInstance)
        .map(type::cast).toList();
    assertThat(matching).as("%s events appended by %s", type.getSimpleName(), what()).hasSize(1);
    check.accept(matching.get(0));
    return this;
  }

  /** The command was accepted and appended nothing (a change to equal values, say). */
  public Outcome thenNoEvents() {
    assertThat(requireAccepted().events()).as("events appended by %s", what()).isEmpty();
    assertThat(State.of(store, ledger.workspace())).isEqualTo(before);
    return this;
  }

  /** The command was a re-delivery: the first outcome came back, marked duplicate, and nothing changed. */
  public Outcome thenDuplicate() {
    assertThat(requireAccepted().duplicate()).as("%s reported as a duplicate", what()).isTrue();
    assertThat(State.of(store, ledger.workspace())).as("the store after a duplicate").isEqualTo(before);
    return this;
  }

  /** The command was refused with {@code code} and changed nothing: same events, items and orders. */
  public Outcome thenRejected(RejectionCode code) {
    if (rejection == null) {
      throw new AssertionError(what() + " was expected to be refused with " + code + " but was accepted, appending "
          + result.events().stream().map(LedgerEvent::kind).toList());
    }
    assertThat(rejection.code()).as("rejection code of %s (%s)", what(), rejection.getMessage()).isEqualTo(code);
    assertThat(State.of(store, ledger.workspace())).as("the store after a refused %s", what()).isEqualTo(before);
    return this;
  }

  /** As {@link #thenRejected(RejectionCode)}, and the rejection names {@code field}. */
  public Outcome thenRejected(RejectionCode code, String field) {
    thenRejected(code);
    assertThat(rejection.field()).as("field named by the rejection (%s)", rejection.getMessage()).isEqualTo(field);
    return this;
  }

  /** {@code check} accepts the item with {@code sku} as it stands after the command. */
  public Outcome thenItem(Sku sku, Consumer<? super Item> check) {
    check.accept(ledger.requireItem(sku));
    return this;
  }

  /** {@code check} accepts the ledger after the command, for anything else worth saying. */
  public Outcome then(Consumer<? super Ledger> check) {
    check.accept(ledger);
    return this;
  }

  /** The events the command appended (empty when refused). */
  public List<LedgerEvent> events() {
    return result == null ? List.of() : result.events();
  }

  /** The command's result; fails when it was refused. */
  public CommandResult result() {
    return requireAccepted();
  }

  /** The rejection; fails when the command was accepted. */
  public RejectionException rejection() {
    if (rejection == null) {
      throw new AssertionError(what() + " was accepted");
    }
    return rejection;
  }

  @Override
  public String toString() {
    return what() + (rejection != null ? " refused: " + rejection.getMessage()
        : " accepted: " + Arrays.toString(result.events().stream().map(LedgerEvent::kind).toArray()));
  }
}
