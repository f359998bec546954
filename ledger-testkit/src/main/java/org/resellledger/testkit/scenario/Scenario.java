package org.resellledger.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * A given / when / then fixture for readable domain tests:
 *
 * <pre>{@code
 * Scenario.given(intake("JKT-1", 1))
 *     .when(new HoldUnits(Sku.of("JKT-1"), 2, Samples.manual("ana", "check")))
 *     .thenRejected(RejectionCode.INSUFFICIENT_UNITS);
 * }</pre>
 *
 * <ul>
 *   <li>The ledger runs on a pinned clock ({@link Samples#NOW}, {@code Clock.fixed}) with ids
 *       {@code id1, id2, ...} ({@code IdGenerator.sequential}), so events and ids are the same every run.
 *   <li>Every given command must be accepted: a refused given fails the test at once, naming the command.
 *   <li>Ids the givens created are at hand ({@link #listing(int)}, {@link #order(int)}) for the when.
 * </ul>
 */
public final class Scenario {
  /** The workspace every scenario writes to. */
  public static final WorkspaceId WORKSPACE = WorkspaceId.of("scenario");

  private final LedgerStore store;
  private final Ledger ledger;
  private final List<ListingId> listings = new ArrayList<>();
  private final List<OrderId> orders = new ArrayList<>();
  private final List<ItemId> items = new ArrayList<>();

  private Scenario(LedgerStore store, LedgerConfig config) {
    this.store = store;
    this.ledger = Ledger.open(store, WORKSPACE, config);
  }

  /** A scenario on a fresh in-memory store whose past is {@code past}. */
  public static Scenario given(Command... past) {
    return on(new InMemoryLedgerStore()).and(past);
  }

  /** An empty scenario on {@code store}, pinned clock and sequential ids. */
  public static Scenario on(LedgerStore store) {
    return on(store, Samples.config("id"));
  }

  /** An empty scenario on {@code store} with a config of the caller's (keep its clock and ids pinned). */
  public static Scenario on(LedgerStore store, LedgerConfig config) {
    return new Scenario(Objects.requireNonNull(store, "store"), Objects.requireNonNull(config, "config"));
  }

  /** More past: each command must be accepted. */
  public Scenario and(Command... past) {
    for (int i = 0; i < past.length; i++) {
      Command c = past[i];
      CommandResult result;
      try {
        result = ledger.execute(c);
      } catch (RejectionException e) {
        throw new AssertionError("given command " + (i + 1) + " (" + c.getClass().getSimpleName()
            + ") was refused, so the scenario's past is not what it says: " + e.getMessage(), e);
      }
      result.listingId().ifPresent(listings::add);
      result.orderId().ifPresent(orders::add);
      result.itemId().ifPresent(items::add);
    }
    return this;
  }

  /** Sends {@code command} and captures its outcome, accepted or refused, for the then-assertions. */
  public Outcome when(Command command) {
    Objects.requireNonNull(command, "command");
    Outcome.State before = Outcome.State.of(store, WORKSPACE);
    try {
      return Outcome.accepted(ledger, store, command, ledger.execute(command), before);
    } catch (RejectionException e) {
      return Outcome.refused(ledger, store, command, e, before);
    }
  }

  /** The listing created by the {@code index}-th (0-based) given that created one. */
  public ListingId listing(int index) {
    return listings.get(index);
  }

  /** The order created by the {@code index}-th (0-based) given sale. */
  public OrderId order(int index) {
    return orders.get(index);
  }

  /** The item created by the {@code index}-th (0-based) given intake, split or merge. */
  public ItemId item(int index) {
    return items.get(index);
  }

  public Ledger ledger() {
    return ledger;
  }

  public LedgerStore store() {
    return store;
  }
}
