package org.resellledger.core.internal;

import java.util.Optional;
import org.resellledger.core.CommandResult;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;

/** Runs a command: idempotency check, handler, commit, and a bounded retry after a lost race. */
public final class Execution {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final Handlers handlers;

  public Execution(LedgerStore store, WorkspaceId workspace, LedgerConfig config) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.handlers = new Handlers(config);
  }

  public CommandResult execute(Command command) {
    Checks.present("command", command);
    Checks.present("origin", command.origin());
    Optional<ProviderRef> provider = command.origin().provider();
    String fingerprint = provider.isPresent() ? Fingerprint.of(command) : null;
    ConcurrencyException lastRace = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (provider.isPresent()) {
        Optional<Receipt> prior = store.receipt(workspace, provider.get());
        if (prior.isPresent()) {
          return repeat(prior.get(), fingerprint);
        }
      }
      Tx tx = new Tx(store, workspace, config.ids(), command.origin(), config.clock().instant());
      try {
        handlers.handle(command, tx);
      } catch (RejectionException rejected) {
        // the first delivery of this provider event may have committed after the receipt check above; then
        // the handler sees its effects (e.g. the order id taken) and the answer is the first outcome
        Optional<Receipt> prior = provider.flatMap(p -> store.receipt(workspace, p));
        if (prior.isPresent()) {
          return repeat(prior.get(), fingerprint);
        }
        throw rejected;
      }
      var events = tx.events();
      Optional<Receipt> receipt = provider.map(p -> new Receipt(p, fingerprint,
          events.stream().map(LedgerEvent::id).toList()));
      try {
        if (!events.isEmpty() || receipt.isPresent()) {
          store.commit(tx.toCommit(receipt));
        }
        return new CommandResult(events, false);
      } catch (ConcurrencyException race) {
        lastRace = race;
      }
    }
    throw new RejectionException(RejectionCode.CONCURRENT_MODIFICATION, "command",
        command.getClass().getSimpleName(),
        "lost " + (config.maxRetries() + 1) + " optimistic-concurrency races; last: " + lastRace.getMessage());
  }

  /**
   * Runs commands as one unit: each sees the state the previous ones left, and all their events commit in
   * one transaction, or none do. Commands carrying a provider event id are not accepted here (each of
   * those is its own unit of idempotency).
   */
  public java.util.List<CommandResult> executeAll(java.util.List<? extends Command> commands) {
    Checks.present("commands", commands);
    for (int i = 0; i < commands.size(); i++) {
      Command c = Checks.present("commands[" + i + "]", commands.get(i));
      if (c.origin().provider().isPresent()) {
        throw RejectionException.invalid("commands[" + i + "].origin.provider", c.origin().provider().get(),
            "a batch takes commands without provider event ids; execute those one by one");
      }
    }
    ConcurrencyException lastRace = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      Tx tx = null;
      java.util.List<CommandResult> results = new java.util.ArrayList<>();
      for (int i = 0; i < commands.size(); i++) {
        Command c = commands.get(i);
        if (tx == null) {
          tx = new Tx(store, workspace, config.ids(), c.origin(), config.clock().instant());
        } else {
          tx.next(c.origin());
        }
        int before = tx.eventCount();
        try {
          handlers.handle(c, tx);
        } catch (RejectionException e) {
          throw new RejectionException(e.code(), e.field(), e.value().orElse(null),
              "command " + (i + 1) + " of " + commands.size() + " (" + c.getClass().getSimpleName() + "): "
                  + e.why());
        }
        results.add(new CommandResult(tx.eventsSince(before), false));
      }
      if (tx == null || tx.eventCount() == 0) {
        return results;
      }
      try {
        store.commit(tx.toCommit(Optional.empty()));
        return results;
      } catch (ConcurrencyException race) {
        lastRace = race;
      }
    }
    throw new RejectionException(RejectionCode.CONCURRENT_MODIFICATION, "commands", commands.size(),
        "lost " + (config.maxRetries() + 1) + " optimistic-concurrency races; last: " + lastRace.getMessage());
  }

  private CommandResult repeat(Receipt prior, String fingerprint) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw new RejectionException(RejectionCode.IDEMPOTENCY_CONFLICT, "providerEventId", prior.provider(),
          "this provider event was already applied with different content");
    }
    return new CommandResult(store.events(workspace, prior.events()), true);
  }
}
