package org.resellledger.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.engine.Execution;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.core.value.Checks;

/**
 * One seller's ledger: the single entry point that takes commands and answers reads for one workspace.
 *
 * <ul>
 *   <li>A command either appends its events and updates every projection they touch in one commit, or is
 *       refused with a {@link RejectionException} and changes nothing.
 *   <li>Every quantity change is a movement between buckets; per item all buckets sum to zero and no
 *       on-hand bucket is ever negative.
 *   <li>A command carrying a provider event id is applied once: a repeat returns the first outcome with
 *       {@code duplicate = true}; the same id with different content is an {@code IDEMPOTENCY_CONFLICT}.
 *   <li>Concurrency is optimistic per stream (an item's, an order's, or one of another registered kind); a lost race is retried a bounded number of
 *       times from fresh state, then refused with {@code CONCURRENT_MODIFICATION}.
 *   <li>Reads never see another workspace.
 * </ul>
 *
 * <p>Thread-safe when its store is.
 */
public final class Ledger {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final Execution execution;
  private final LedgerConfig config;

  private Ledger(LedgerStore store, WorkspaceId workspace, LedgerConfig config) {
    this.store = store;
    this.config = config;
    this.workspace = workspace;
    this.execution = new Execution(store, workspace, config);
  }

  public static Ledger open(LedgerStore store, WorkspaceId workspace) {
    return open(store, workspace, LedgerConfig.defaults());
  }

  public static Ledger open(LedgerStore store, WorkspaceId workspace, LedgerConfig config) {
    java.util.Objects.requireNonNull(store, "store");
    java.util.Objects.requireNonNull(workspace, "workspace");
    java.util.Objects.requireNonNull(config, "config");
    return new Ledger(store, workspace, config);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  /** The configuration this ledger was opened with (clock, id generator, limits). */
  public LedgerConfig config() {
    return config;
  }

  /** Checks and applies one command. */
  public CommandResult execute(Command command) {
    return execution.execute(command);
  }

  /**
   * Checks and applies several commands as one unit: each sees what the previous ones did, and all their
   * events are committed in one transaction, or nothing is. A refusal names the command's position. Commands
   * with provider event ids must go through {@link #execute} one by one.
   */
  public List<CommandResult> executeAll(List<? extends Command> commands) {
    return execution.executeAll(commands);
  }

  /**
   * As {@link #executeAll}, at most once per workspace under the key {@code unit}: the key is recorded in
   * the same transaction as the unit's events, so a unit that was committed before (by an earlier run that
   * died part way, or by another writer at the same moment) is not applied again; then every result is a
   * duplicate with no events. For lanes that apply a long input in units and must survive being killed
   * and started again (the CSV import keys each unit by the file's content and the unit's rows).
   */
  public List<CommandResult> executeAllOnce(ProviderRef unit, List<? extends Command> commands) {
    return execution.executeAllOnce(unit, commands);
  }

  /** Whether a unit keyed {@code unit} was committed ({@link #executeAllOnce}), or a provider event applied. */
  public boolean applied(ProviderRef unit) {
    return unitEvents(unit).isPresent();
  }

  /**
   * The ids of the events a unit keyed {@code unit} committed ({@link #executeAllOnce}), or a provider
   * event's command produced, in commit order; empty when it was not committed.
   */
  public Optional<List<org.resellledger.core.ledger.EventId>> unitEvents(ProviderRef unit) {
    return store.receipt(workspace, Checks.present("unit", unit)).map(r -> r.events());
  }

  /**
   * What these commands would do, committing nothing: each runs as {@link #executeAll} would run it, against
   * the current state and what the commands before it did, and its step says the events it would append
   * with the balances after, or why it would be refused (code, field, value, what is allowed, and its
   * position in the list). A refused command is left out and the rest go on, so one preview reports every
   * refused command. Unlike {@code executeAll}, commands with provider event ids are previewed too, each
   * as {@link #execute} would apply it. Lost races cannot happen here: {@code CONCURRENT_MODIFICATION}
   * is the one code a preview never reports.
   */
  public Preview preview(List<? extends Command> commands) {
    return execution.preview(commands);
  }

  // ---- reads -------------------------------------------------------------------------------------------

  public Optional<Item> item(Sku sku) {
    return store.itemBySku(workspace, sku);
  }

  /**
   * The items with these SKUs, keyed by SKU in the order asked, in as few store reads as the store can
   * manage; SKUs without an item are left out. For tools that look at many items at once (an import, a
   * reconciliation) instead of one {@link #item} call each.
   */
  public java.util.Map<Sku, Item> itemsBySku(java.util.Collection<Sku> skus) {
    java.util.Objects.requireNonNull(skus, "skus");
    return store.itemsBySku(workspace, skus);
  }

  /** The item, or an {@code UNKNOWN_ITEM} rejection naming the SKU. */
  public Item requireItem(Sku sku) {
    return item(sku).orElseThrow(
        () -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "sku", sku, "no item with this SKU"));
  }

  /** Every item, archived ones included, by SKU. */
  public List<Item> items() {
    return store.items(workspace);
  }

  /** The item {@code listing} belongs to. */
  public Optional<Item> itemOfListing(ListingId listing) {
    return store.itemIdOfListing(workspace, Checks.present("listing", listing)).flatMap(i -> store.item(workspace, i));
  }

  public Optional<Listing> listing(ListingId id) {
    return store.itemIdOfListing(workspace, id)
        .flatMap(item -> store.item(workspace, item))
        .flatMap(item -> item.listing(id));
  }

  public Optional<Order> order(OrderId id) {
    return store.order(workspace, id);
  }

  /** The order, or an {@code UNKNOWN_ORDER} rejection naming it. */
  public Order requireOrder(OrderId id) {
    return order(id).orElseThrow(() -> RejectionException.unknownOrder(id));
  }

  /** The listing on {@code channel} whose external id is {@code externalId}, if there is one. */
  public Optional<Listing> listingByExternalId(Channel channel, String externalId) {
    Checks.present("channel", channel);
    return store.listingByExternalId(workspace, channel, Checks.present("externalId", externalId))
        .flatMap(this::listing);
  }

  /** The order on {@code channel} whose external order id is {@code externalOrderId}, if there is one. */
  public Optional<Order> orderByExternalId(Channel channel, String externalOrderId) {
    Checks.present("channel", channel);
    return store.orderByExternalId(workspace, channel, Checks.present("externalOrderId", externalOrderId))
        .flatMap(this::order);
  }

  public List<Order> orders() {
    return store.orders(workspace);
  }

  /** The item's whole history, oldest first, each event with the balances right after it. */
  public List<HistoryEntry> history(Sku sku) {
    Item item = requireItem(sku);
    List<HistoryEntry> history = new ArrayList<>();
    Balances balances = Balances.EMPTY;
    for (LedgerEvent e : store.stream(workspace, StreamId.of(item.id()))) {
      balances = e.movement().map(balances::apply).orElse(balances);
      history.add(new HistoryEntry(e, balances));
    }
    return history;
  }

  /** How the item's estimated market value changed, oldest first, each point with its event. */
  public List<org.resellledger.core.item.MarketValue> marketValueHistory(Sku sku) {
    return org.resellledger.core.item.MarketValue.history(store.stream(workspace, StreamId.of(requireItem(sku).id())));
  }

  /** The order's events, oldest first. */
  public List<LedgerEvent> orderHistory(OrderId id) {
    return store.stream(workspace, StreamId.of(id));
  }

  /** Every event of the workspace in commit order. */
  public List<LedgerEvent> events() {
    return store.events(workspace);
  }

  // ---- projections -------------------------------------------------------------------------------------

  /**
   * The projections rebuilt from the events alone, without touching the store. The events are streamed
   * ({@link LedgerStore#forEachEvent}), never all in memory; the answer is the whole workspace's projections,
   * so for a large workspace ask {@link #drift} (does it match?) or {@link #rebuildProjections} (write it)
   * instead, which hold one stream at a time.
   */
  public Projection replay() {
    Projection.Fold fold = new Projection.Fold();
    StoredValues.read(() -> store.forEachEvent(workspace, fold::accept));
    return fold.projection();
  }

  /**
   * Where the stored projections differ from the events, stream by stream, with both figures: an item's
   * balance per bucket, its status, details, listings, version; an order's fields; a registered kind's
   * state; projections with no events and streams with no projection. Runs in bounded memory (one stream's
   * state at a time, plus the ids of the streams seen; see {@link LedgerStore#forEachEventByStream}) and
   * keeps at most {@code limit} differences (1 to 10,000), saying when there were more. Reads only.
   */
  public DriftReport drift(int limit) {
    if (limit < 1 || limit > 10_000) {
      throw RejectionException.invalid("limit", limit, "1 to 10,000 differences");
    }
    return new Drift(store, workspace, limit).run();
  }

  /**
   * Whether replaying every event gives exactly the stored projections: {@link #drift} finds no
   * difference. Runs in bounded memory, as the drift report does.
   */
  public boolean replayMatchesProjections() {
    return drift(1).clean();
  }

  /**
   * Replaces the stored projections with ones rebuilt from the events, in one transaction of the store, and
   * says how many events it read and items and orders it wrote. The events are read stream by stream and each
   * folded stream is handed to the store as soon as it is complete
   * ({@link LedgerStore#replaceProjections(WorkspaceId, java.util.function.Consumer)}), so on a store that
   * writes as it goes (the jOOQ store) memory holds one stream and a batch, never the workspace.
   */
  public Rebuilt rebuildProjections() {
    return new Rebuild(store, workspace).run();
  }

  /** What {@link #rebuildProjections} read and wrote. */
  public record Rebuilt(long events, int items, int orders) {}

  /**
   * Items, orders and the states of streams of other kinds as the events say they are, ordered like the
   * store's reads (other streams in the order of their first event).
   */
  public record Projection(List<Item> items, List<Order> orders, List<StreamState> streams) {
    public Projection {
      items = List.copyOf(items);
      orders = List.copyOf(orders);
      streams = List.copyOf(streams);
    }

    public Projection(List<Item> items, List<Order> orders) {
      this(items, orders, List.of());
    }

    /** Folds events one by one, each into its stream's state. */
    static final class Fold {
      private final java.util.Map<StreamId, Object> states = new java.util.LinkedHashMap<>();
      private final java.util.Map<StreamId, Long> versions = new java.util.HashMap<>();

      void accept(LedgerEvent e) {
        states.put(e.stream(), Projector.applyAny(states.get(e.stream()), e));
        if (e.stream().kind() != StreamId.Kind.ITEM && e.stream().kind() != StreamId.Kind.ORDER) {
          versions.put(e.stream(), e.version());
        }
      }

      Projection projection() {
        List<Item> itemList = new ArrayList<>();
        List<Order> orderList = new ArrayList<>();
        List<StreamState> streams = new ArrayList<>();
        states.forEach((stream, state) -> {
          if (stream.kind() == StreamId.Kind.ITEM) {
            itemList.add((Item) state);
          } else if (stream.kind() == StreamId.Kind.ORDER) {
            orderList.add((Order) state);
          } else {
            streams.add(new StreamState(stream, versions.get(stream), state,
                StreamTypes.require(stream.kind()).keysUnchecked(state)));
          }
        });
        itemList.sort(java.util.Comparator.comparing(Item::sku));
        orderList.sort(java.util.Comparator.comparing(Order::placedAt).thenComparing(o -> o.id().value()));
        return new Projection(itemList, orderList, streams);
      }
    }
  }
}
