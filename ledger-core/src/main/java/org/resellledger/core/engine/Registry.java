package org.resellledger.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.bundle.internal.BundleConcept;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.ItemConcept;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.internal.ListingConcept;
import org.resellledger.core.order.internal.OrderConcept;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.StreamTypes;

/**
 * Which handler decides each kind of command and which fold applies each kind of fact: every concept
 * registers its own ({@code ItemConcept}, {@code ListingConcept}, {@code OrderConcept}, {@code
 * BundleConcept}). A test walks the sealed {@link Command} and {@link EventPayload} hierarchies and fails
 * when a kind has no handler or no fold. A stream of another registered kind folds through its
 * {@link StreamType}.
 */
public final class Registry {
  private static final Registry STANDARD = standardRegistry();

  /** Decides one kind of command: checks it and appends its events to the transaction, or refuses it. */
  @FunctionalInterface
  public interface Handler<C extends Command> {
    void handle(C command, Tx tx);
  }

  /** Applies one kind of fact to the state of its stream; {@code state} is null before the first event. */
  @FunctionalInterface
  public interface Fold<S, P extends EventPayload> {
    S apply(S state, LedgerEvent event, P payload);
  }

  /** Runs after a command's handler appended events: a rule that follows facts in the same transaction. */
  @FunctionalInterface
  public interface AfterCommand {
    void after(Command command, Tx tx, int firstEvent);
  }

  private record Folding(StreamId.Kind kind, Fold<Object, EventPayload> fold) {}

  private final Map<Class<?>, Handler<Command>> handlers = new HashMap<>();
  private final Map<Class<?>, Function<Command, Stream<Sku>>> skus = new HashMap<>();
  private final Map<Class<?>, Folding> folds = new HashMap<>();
  private final List<BiConsumer<Tx, List<? extends Command>>> beforeBatch = new ArrayList<>();
  private final List<AfterCommand> afterCommand = new ArrayList<>();

  private Registry() {}

  /** Every concept of this ledger, registered once. */
  public static Registry standard() {
    return STANDARD;
  }

  private static Registry standardRegistry() {
    Registry r = new Registry();
    ItemConcept.register(r);
    ListingConcept.register(r);
    OrderConcept.register(r);
    BundleConcept.register(r);
    org.resellledger.core.proposal.internal.ProposalConcept.register(r);
    org.resellledger.core.message.internal.MessageConcept.register(r);
    org.resellledger.core.count.internal.CountConcept.register(r);
    return r;
  }

  // ---- registration ------------------------------------------------------------------------------------

  public <C extends Command> void handle(Class<C> type, Handler<C> handler) {
    handle(type, handler, c -> Stream.empty());
  }

  /** @param named the SKUs the command names (nulls allowed), read ahead in one store read for a batch */
  @SuppressWarnings("unchecked")
  public <C extends Command> void handle(Class<C> type, Handler<C> handler, Function<C, Stream<Sku>> named) {
    if (handlers.putIfAbsent(type, (Handler<Command>) handler) != null) {
      throw new IllegalStateException("two handlers for " + type.getName());
    }
    skus.put(type, (Function<Command, Stream<Sku>>) named);
  }

  @SuppressWarnings("unchecked")
  public <S, P extends EventPayload> void fold(Class<P> type, StreamId.Kind kind, Fold<S, P> fold) {
    if (folds.putIfAbsent(type, new Folding(kind, (Fold<Object, EventPayload>) fold)) != null) {
      throw new IllegalStateException("two folds for " + type.getName());
    }
  }

  /** Runs before the commands of a batch or preview, e.g. to read their items in one store read. */
  public void beforeBatch(BiConsumer<Tx, List<? extends Command>> prepare) {
    beforeBatch.add(prepare);
  }

  /**
   * Runs after every command that appended events, with the index of its first event, in the same
   * transaction: e.g. the sync rule drafting proposals when an item's available units change.
   */
  public void afterCommand(AfterCommand rule) {
    afterCommand.add(rule);
  }

  // ---- dispatch ----------------------------------------------------------------------------------------

  void handle(Command command, Tx tx) {
    Handler<Command> handler = handlers.get(command.getClass());
    if (handler == null) {
      throw new IllegalArgumentException("no handler for " + command.getClass().getName());
    }
    int first = tx.eventCount();
    handler.handle(command, tx);
    if (tx.eventCount() > first) {
      for (AfterCommand rule : afterCommand) {
        rule.after(command, tx, first);
      }
    }
  }

  /** Runs another concept's command inside this transaction (a proposal applying its change). */
  public void dispatch(Command command, Tx tx) {
    tx.within(command.origin(), () -> handle(command, tx));
  }

  void prepare(Tx tx, List<? extends Command> commands) {
    beforeBatch.forEach(p -> p.accept(tx, commands));
  }

  /** The SKUs these commands name, in order, without nulls; a guess at what their handlers read. */
  public Set<Sku> skus(List<? extends Command> commands) {
    Set<Sku> named = new LinkedHashSet<>();
    for (Command c : commands) {
      skus.getOrDefault(c.getClass(), x -> Stream.empty()).apply(c).filter(Objects::nonNull).forEach(named::add);
    }
    return named;
  }

  /** The state of the event's stream after it; {@code state} is null before the stream's first event. */
  @SuppressWarnings("unchecked")
  public <S> S fold(S state, LedgerEvent e) {
    Folding folding = folds.get(e.payload().getClass());
    if (folding != null && folding.kind().equals(e.stream().kind())) {
      return (S) folding.fold().apply(state, e, e.payload());
    }
    Optional<StreamType<?>> type = StreamTypes.find(e.stream().kind());
    if (type.isPresent()) {
      return (S) type.get().foldUnchecked(state, e);
    }
    throw new IllegalStateException("no fold for " + e.kind() + " in a stream of kind " + e.stream().kind());
  }

  /** The command kinds with a handler, for the completeness test. */
  public Set<Class<?>> commandKinds() {
    return Collections.unmodifiableSet(handlers.keySet());
  }

  /** The fact kinds with a fold, for the completeness test. */
  public Set<Class<?>> factKinds() {
    return Collections.unmodifiableSet(folds.keySet());
  }

  Commit commit(WorkspaceId ws, Map<StreamId, Long> expected, List<LedgerEvent> events,
      Map<StreamId, Object> touched, Optional<Receipt> receipt) {
    return Commit.of(ws, expected, events, touched, receipt);
  }
}
