package org.resellledger.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.CommandResult;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
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

  /**
   * Runs one command. The first attempt reads as little as it can: no receipt and no check that a unique
   * key is free, since the commit's receipt key and unique keys refuse a repeat or a taken key. After any
   * refusal or lost race it runs again carefully, reading the receipt (a repeat gets the first outcome)
   * and checking every key, so a refusal always carries its own code; careful attempts that lose a race
   * are retried {@code maxRetries} times.
   */
  public CommandResult execute(Command command) {
    Checks.present("command", command);
    Checks.present("origin", command.origin());
    Optional<ProviderRef> provider = command.origin().provider();
    String fingerprint = provider.isPresent() ? Fingerprint.of(command) : null;
    Attempts attempts = new Attempts();
    while (true) {
      if (provider.isPresent() && attempts.careful) {
        Optional<Receipt> prior = store.receipt(workspace, provider.get());
        if (prior.isPresent()) {
          return repeat(prior.get(), fingerprint);
        }
      }
      Tx tx = newTx(command, attempts);
      try {
        handlers.handle(command, tx);
      } catch (RejectionException rejected) {
        if (!attempts.careful) {
          attempts.careful = true;
          continue;
        }
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
        attempts.lost(race, "command", command.getClass().getSimpleName());
      }
    }
  }

  /**
   * Runs commands as one unit: each sees the state the previous ones left, and all their events commit in
   * one transaction, or none do. The items the commands name are read in one store read first. Commands
   * carrying a provider event id are not accepted here (each of those is its own unit of idempotency).
   * Attempts and retries as in {@link #execute}.
   */
  public List<CommandResult> executeAll(List<? extends Command> commands) {
    Checks.present("commands", commands);
    for (int i = 0; i < commands.size(); i++) {
      Command c = Checks.present("commands[" + i + "]", commands.get(i));
      Checks.present("commands[" + i + "].origin", c.origin());
      if (c.origin().provider().isPresent()) {
        throw RejectionException.invalid("commands[" + i + "].origin.provider", c.origin().provider().get(),
            "a batch takes commands without provider event ids; execute those one by one");
      }
    }
    if (commands.isEmpty()) {
      return List.of();
    }
    Set<Sku> skus = CommandSkus.of(commands);
    Attempts attempts = new Attempts();
    while (true) {
      Tx tx = newTx(commands.get(0), attempts);
      tx.prefetch(skus);
      List<CommandResult> results = new ArrayList<>();
      try {
        for (int i = 0; i < commands.size(); i++) {
          Command c = commands.get(i);
          tx.next(c.origin());
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
      } catch (RejectionException rejected) {
        if (!attempts.careful) {
          attempts.careful = true;
          continue;
        }
        throw rejected;
      }
      if (tx.eventCount() == 0) {
        return results;
      }
      try {
        store.commit(tx.toCommit(Optional.empty()));
        return results;
      } catch (ConcurrencyException race) {
        attempts.lost(race, "commands", commands.size());
      }
    }
  }

  private Tx newTx(Command first, Attempts attempts) {
    return new Tx(store, workspace, config.ids(), first.origin(), config.clock().instant(), !attempts.careful);
  }

  /** Where a command's attempts stand: the first trusts the commit's keys, careful ones count races. */
  private final class Attempts {
    boolean careful;
    int racesLost;

    /** A commit lost: go careful, or count the race and give up when the careful ones are used up. */
    void lost(ConcurrencyException race, String field, Object value) {
      if (!careful) {
        careful = true;
        return;
      }
      if (++racesLost > config.maxRetries()) {
        throw new RejectionException(RejectionCode.CONCURRENT_MODIFICATION, field, value,
            "lost " + racesLost + " optimistic-concurrency races; last: " + race.getMessage());
      }
    }
  }

  private CommandResult repeat(Receipt prior, String fingerprint) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw new RejectionException(RejectionCode.IDEMPOTENCY_CONFLICT, "providerEventId", prior.provider(),
          "this provider event was already applied with different content");
    }
    return new CommandResult(store.events(workspace, prior.events()), true);
  }
}
