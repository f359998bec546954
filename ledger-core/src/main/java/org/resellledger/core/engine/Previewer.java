package org.resellledger.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.LedgerStore;

/** Runs commands as {@link Execution#executeAll} would and reports each one's outcome, committing nothing. */
final class Previewer {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final Registry registry;

  Previewer(LedgerStore store, WorkspaceId workspace, LedgerConfig config, Registry registry) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.registry = registry;
  }

  /**
   * Runs the commands as {@link Execution#executeAll} would, one after another against the state the earlier ones
   * leave, with every read a careful attempt makes, and commits nothing. A refused command is reported with
   * its position and left out, so the commands after it are previewed without it. A command carrying a
   * provider event id is previewed as {@link Execution#execute} would apply it: a repeat is reported as a duplicate
   * with the first delivery's events, other content as {@code IDEMPOTENCY_CONFLICT}.
   */
  Preview preview(List<? extends Command> commands) {
    if (commands.isEmpty()) {
      return new Preview(List.of());
    }
    Tx tx = new Tx(store, workspace, config, registry, commands.get(0).origin(), config.clock().instant(), false);
    registry.prepare(tx, commands);
    // provider events previewed earlier in this list: their fingerprint and the events they would append
    Map<ProviderRef, Map.Entry<String, List<LedgerEvent>>> previewed = new HashMap<>();
    List<Preview.Step> steps = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      String kind = c.getClass().getSimpleName();
      Optional<ProviderRef> provider = c.origin().provider();
      String fingerprint = provider.isPresent() ? Fingerprint.of(c) : null;
      if (provider.isPresent()) {
        // applied before (its receipt), or earlier in this list: a repeat, or the same id with other content
        Map.Entry<String, List<LedgerEvent>> first = store.receipt(workspace, provider.get())
            .map(r -> Map.entry(r.fingerprint(), store.events(workspace, r.events())))
            .orElse(previewed.get(provider.get()));
        if (first != null) {
          steps.add(first.getKey().equals(fingerprint)
              ? Preview.Step.duplicate(i, c, first.getValue())
              : Preview.Step.refused(i, c, Execution.conflict(provider.get()).at(i, commands.size(), kind)));
          continue;
        }
      }
      Tx.Mark mark = tx.mark();
      tx.next(c.origin());
      try {
        registry.handle(c, tx);
      } catch (RejectionException e) {
        tx.undo(mark);
        steps.add(Preview.Step.refused(i, c, e.at(i, commands.size(), kind)));
        continue;
      }
      List<LedgerEvent> events = tx.eventsSince(mark.events());
      Map<Sku, Balances> balances = new LinkedHashMap<>();
      for (LedgerEvent e : events) {
        e.item().map(id -> tx.<Item>held(StreamId.of(id))).ifPresent(item -> balances.put(item.sku(), item.balances()));
      }
      provider.ifPresent(p -> previewed.put(p, Map.entry(fingerprint, events)));
      steps.add(Preview.Step.accepted(i, c, events, balances));
    }
    return new Preview(steps);
  }
}
