package org.resellledger.core.engine;

import org.resellledger.core.value.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.CommandResult;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.DuplicateReceiptException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;

/**
 * Runs a command: idempotency check, handler, commit, and after a lost race a retry that holds the streams
 * it lost on ({@link LedgerStore#locked}), bounded by {@code maxRetries}.
 */
public final class Execution {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final Registry registry = Registry.standard();

  public Execution(LedgerStore store, WorkspaceId workspace, LedgerConfig config) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
  }

  /**
   * Runs one command. The first attempt reads as little as it can: no receipt and no check that a unique
   * key is free, since the commit's receipt key and unique keys refuse a repeat or a taken key. After any
   * refusal or lost race it runs again carefully, reading the receipt (a repeat gets the first outcome)
   * and checking every key, so a refusal always carries its own code. After a lost race every further
   * attempt runs inside {@link LedgerStore#locked}, holding the streams the losing commit expected, so on a
   * store that locks them a command that happened is recorded whatever the contention; attempts that still
   * lose a race are retried {@code maxRetries} times.
   */
  public CommandResult execute(Command command) {
    Checks.present("command", command);
    Checks.present("origin", command.origin());
    Optional<ProviderRef> provider = command.origin().provider();
    String fingerprint = provider.isPresent() ? Fingerprint.of(command) : null;
    Attempts attempts = new Attempts(store, workspace, config);
    while (true) {
      try {
        Optional<CommandResult> done = attempts.run(() -> attempt(command, provider, fingerprint, attempts));
        if (done.isPresent()) {
          return done.get();
        }
      } catch (ConcurrencyException race) {
        attempts.lost(race, "command", command.getClass().getSimpleName());
      }
    }
  }

  /** One attempt of {@link #execute}: its outcome, or empty when a first attempt was refused (go careful). */
  private Optional<CommandResult> attempt(Command command, Optional<ProviderRef> provider, String fingerprint,
      Attempts attempts) {
    if (provider.isPresent() && attempts.careful) {
      Optional<Receipt> prior = store.receipt(workspace, provider.get());
      if (prior.isPresent()) {
        return Optional.of(repeat(prior.get(), fingerprint));
      }
    }
    Tx tx = newTx(command, attempts);
    try {
      registry.handle(command, tx);
    } catch (RejectionException rejected) {
      if (!attempts.careful) {
        attempts.careful = true;
        return Optional.empty();
      }
      // the first delivery of this provider event may have committed after the receipt check above; then
      // the handler sees its effects (e.g. the order id taken) and the answer is the first outcome
      Optional<Receipt> prior = provider.flatMap(p -> store.receipt(workspace, p));
      if (prior.isPresent()) {
        return Optional.of(repeat(prior.get(), fingerprint));
      }
      throw rejected;
    }
    var events = tx.events();
    Optional<Receipt> receipt = provider.map(p -> new Receipt(p, fingerprint,
        events.stream().map(LedgerEvent::id).toList()));
    if (!events.isEmpty() || receipt.isPresent()) {
      attempts.commit(tx, receipt);
    }
    return Optional.of(new CommandResult(events, false));
  }

  /**
   * Runs commands as one unit: each sees the state the previous ones left, and all their events commit in
   * one transaction, or none do. The items the commands name are read in one store read first. Commands
   * carrying a provider event id are not accepted here (each of those is its own unit of idempotency).
   * Attempts, locks and retries as in {@link #execute}.
   */
  public List<CommandResult> executeAll(List<? extends Command> commands) {
    return executeAll(commands, Optional.empty());
  }

  /**
   * Runs commands as one unit at most once per workspace under the key {@code unit}: the unit's commit
   * carries a receipt for the key, in the same transaction as its events. A unit whose key was committed
   * before (by an earlier run that died part way, or by another writer at the same moment) does not run
   * again: every command's result is a duplicate with no events. As in {@link #execute}, the first attempt
   * reads no receipt (the commit's receipt key refuses a repeat); careful ones do. The receipt names the
   * unit and the ids of its events ({@code Ledger.unitEvents}). No commands: only the key is committed, a
   * mark that the unit was reached. Otherwise as {@link #executeAll}.
   */
  public List<CommandResult> executeAllOnce(ProviderRef unit, List<? extends Command> commands) {
    return executeAll(commands, Optional.of(Checks.present("unit", unit)));
  }

  private List<CommandResult> executeAll(List<? extends Command> commands, Optional<ProviderRef> unit) {
    checkBatch(commands);
    if (commands.isEmpty()) {
      unit.ifPresent(this::mark);
      return List.of();
    }
    Attempts attempts = new Attempts(store, workspace, config);
    attempts.unit = unit;
    while (true) {
      try {
        if (attempts.careful && unit.isPresent() && store.receipt(workspace, unit.get()).isPresent()) {
          return commands.stream().map(c -> new CommandResult(List.of(), true)).toList();
        }
        Optional<List<CommandResult>> done = attempts.run(() -> attemptAll(commands, attempts));
        if (done.isPresent()) {
          return done.get();
        }
      } catch (ConcurrencyException race) {
        attempts.lost(race, unit.isPresent() ? "unit" : "commands", unit.isPresent() ? unit.get() : commands.size());
      }
    }
  }

  /** Commits only the key of a unit; another writer's mark of it first is the same mark. */
  private void mark(ProviderRef unit) {
    try {
      store.commit(new Commit(workspace, java.util.Map.of(), List.of(), List.of(), List.of(),
          Optional.of(new Receipt(unit, "unit", List.of()))));
    } catch (DuplicateReceiptException marked) {
      // marked already
    }
  }


  /** One attempt of {@link #executeAll}, as {@link #attempt} is of {@link #execute}. */
  private Optional<List<CommandResult>> attemptAll(List<? extends Command> commands, Attempts attempts) {
    Tx tx = newTx(commands.get(0), attempts);
    registry.prepare(tx, commands);
    List<CommandResult> results = new ArrayList<>();
    try {
      for (int i = 0; i < commands.size(); i++) {
        Command c = commands.get(i);
        tx.next(c.origin());
        int before = tx.eventCount();
        try {
          registry.handle(c, tx);
        } catch (RejectionException e) {
          throw e.at(i, commands.size(), c.getClass().getSimpleName());
        }
        results.add(new CommandResult(tx.eventsSince(before), false));
      }
    } catch (RejectionException rejected) {
      if (!attempts.careful) {
        attempts.careful = true;
        return Optional.empty();
      }
      throw rejected;
    }
    if (tx.eventCount() > 0 || attempts.unit.isPresent()) {
      List<org.resellledger.core.ledger.EventId> ids = tx.events().stream().map(LedgerEvent::id).toList();
      attempts.commit(tx, attempts.unit.map(u -> new Receipt(u, "unit", ids)));
    }
    return Optional.of(results);
  }

  /** What {@link #executeAll} would do, committing nothing: see {@link Previewer}. */
  public Preview preview(List<? extends Command> commands) {
    checkEach(commands);
    return new Previewer(store, workspace, config, registry).preview(commands);
  }

  /** As {@link #checkEach}, and no command carries a provider event id (each of those is its own unit). */
  private static void checkBatch(List<? extends Command> commands) {
    checkEach(commands);
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (c.origin().provider().isPresent()) {
        throw RejectionException.invalid("origin.provider", c.origin().provider().get(),
            "a batch takes commands without provider event ids; execute those one by one")
            .at(i, commands.size(), c.getClass().getSimpleName());
      }
    }
  }

  /** Every command present, with an origin; a missing one is refused naming its position. */
  static void checkEach(List<? extends Command> commands) {
    Checks.present("commands", commands);
    for (int i = 0; i < commands.size(); i++) {
      Command c = Checks.present("commands[" + i + "]", commands.get(i));
      Checks.present("commands[" + i + "].origin", c.origin());
    }
  }

  static RejectionException conflict(ProviderRef provider) {
    return new RejectionException(RejectionCode.IDEMPOTENCY_CONFLICT, "providerEventId", provider,
        "this provider event was already applied with different content");
  }

  private Tx newTx(Command first, Attempts attempts) {
    return new Tx(store, workspace, config, registry, first.origin(), config.clock().instant(), !attempts.careful);
  }

  private CommandResult repeat(Receipt prior, String fingerprint) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw conflict(prior.provider());
    }
    return new CommandResult(store.events(workspace, prior.events()), true);
  }
}
