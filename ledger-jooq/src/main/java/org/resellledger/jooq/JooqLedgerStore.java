package org.resellledger.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.jooq.internal.ChannelLinkAccess;
import org.resellledger.jooq.internal.CommitWriter;
import org.resellledger.jooq.internal.Database;
import org.resellledger.jooq.internal.EmbeddedPool;
import org.resellledger.jooq.internal.InboxAccess;
import org.resellledger.jooq.internal.ItemReads;
import org.resellledger.jooq.internal.Migrations;
import org.resellledger.jooq.internal.PagedQueries;
import org.resellledger.jooq.internal.Projections;
import org.resellledger.jooq.internal.Queries;
import org.resellledger.jooq.internal.Statements;

/**
 * A durable {@link LedgerStore}, provider-event {@link InboxStore} and channel-id map ({@link ChannelLinkStore})
 * on PostgreSQL or H2, through jOOQ, with its schema migrated by Flyway.
 *
 * <ul>
 *   <li>{@link #commit} is one transaction (READ COMMITTED on PostgreSQL, REPEATABLE READ on H2): stream
 *       heads, receipt, events and projections are all written, or nothing is.
 *   <li>A stale stream version, a taken SKU or external id, a lost lock race or serialization failure is a
 *       {@code ConcurrencyException}; a provider event recorded before is a {@code DuplicateReceiptException};
 *       any other database failure is a {@link LedgerStorageException}.
 *   <li>Events are never updated or deleted: the store has no such statement, and on PostgreSQL a trigger
 *       refuses UPDATE, DELETE and TRUNCATE on the events table from anyone.
 *   <li>There is no global lock: writers of different items and orders never wait for each other.
 *   <li>Every read filters by workspace first, through an index that starts with the workspace.
 *   <li>An item read ({@link #item}, {@link #itemBySku}, {@link #itemsBySku}) is one statement (one per 256
 *       SKUs) that joins the item with its listings, so both come from one snapshot. The commit's statements
 *       and these reads are rendered once per store and reused, so the databases parse them once.
 *   <li>The inbox is the table {@code ledger_inbox}, whose unique keys enforce the dedupe key: two stores
 *       receiving one delivery at once make one entry, the other counts as a redelivery, neither fails.
 *   <li>The channel-id map is the table {@code ledger_channel_links}, whose primary key is (workspace, ref):
 *       two writers linking one ref at once keep one link; the other gets it back or {@code CHANNEL_ID_TAKEN}.
 *   <li>Reads order like the in-memory reference: items by SKU, orders by placement time then id, a
 *       stream by version, a workspace's events by commit order.
 * </ul>
 *
 * <p>Thread-safe. Migrations live at {@value Migrations#LOCATION} with their own history table
 * {@value Migrations#HISTORY_TABLE}, so they never meet the host application's.
 */
public final class JooqLedgerStore implements LedgerStore, InboxStore, ChannelLinkStore, AutoCloseable {
  /** The file name (without H2's extension) of the embedded database inside its directory. */
  public static final String EMBEDDED_DATABASE_NAME = "resell-ledger";

  private final Database db;
  private final AutoCloseable owned;
  private final CommitWriter writer;
  private final ItemReads itemReads;
  private final InboxAccess inbox;
  private final ChannelLinkAccess links;

  private JooqLedgerStore(Database db, AutoCloseable owned) {
    this.db = db;
    this.owned = owned;
    // the hot statements are rendered here, once, in this database's dialect
    Statements statements = new Statements(db.renderer());
    this.writer = new CommitWriter(statements);
    this.itemReads = new ItemReads(statements);
    this.inbox = new InboxAccess(db);
    this.links = new ChannelLinkAccess(db);
  }

  /**
   * Opens the store on the host's DataSource (H2 or PostgreSQL, found from the connection), migrating the
   * schema first. The host keeps owning the DataSource: {@link #close} leaves it open.
   */
  public static JooqLedgerStore forDataSource(DataSource dataSource) {
    return forDataSource(dataSource, StoreOptions.defaults());
  }

  /** Opens the store on the host's DataSource with the given options (e.g. without migrating). */
  public static JooqLedgerStore forDataSource(DataSource dataSource, StoreOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    Database db = Database.on(dataSource);
    if (options.migrate()) {
      Migrations.migrate(dataSource, db.dialect());
    }
    return new JooqLedgerStore(db, () -> {});
  }

  /**
   * Creates or opens an H2 database file in {@code directory} (created if missing), migrated and ready: the
   * zero set-up default. The store owns its small connection pool; {@link #close} closes the database.
   * Every commit is written to the file before it returns (H2's write delay is 0).
   */
  public static JooqLedgerStore embeddedH2(Path directory) {
    return embeddedH2(directory, StoreOptions.defaults());
  }

  public static JooqLedgerStore embeddedH2(Path directory, StoreOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException("an H2 database path cannot contain ';': " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the ledger directory " + dir, e);
    }
    // WRITE_DELAY=0: a commit is in the file before it is acknowledged, so a killed process loses none
    EmbeddedPool pool = EmbeddedPool.open(dir, EMBEDDED_DATABASE_NAME, options.embeddedPoolSize());
    try {
      Database db = Database.on(pool);
      if (options.migrate()) {
        Migrations.migrate(pool, db.dialect());
      }
      return new JooqLedgerStore(db, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Migrates the ledger's schema on {@code dataSource} to this library's version: for hosts that open the
   * store with {@code migrate(false)} and run migrations in their own deployment step.
   */
  public static void migrate(DataSource dataSource) {
    Migrations.migrate(dataSource, Database.on(dataSource).dialect());
  }

  // ---- reads -------------------------------------------------------------------------------------------

  @Override
  public Optional<Item> item(WorkspaceId workspace, ItemId id) {
    return db.jdbcRead("reading item " + id, c -> itemReads.byId(c, workspace, id));
  }

  /** The item with that SKU and its listings, in one statement. */
  @Override
  public Optional<Item> itemBySku(WorkspaceId workspace, Sku sku) {
    return db.jdbcRead("reading the item of SKU " + sku, c -> itemReads.bySku(c, workspace, sku));
  }

  /** The items with these SKUs and their listings, in one statement per 256 SKUs. */
  @Override
  public Map<Sku, Item> itemsBySku(WorkspaceId workspace, Collection<Sku> skus) {
    return db.jdbcRead("reading items by SKU", c -> itemReads.bySkus(c, workspace, skus));
  }

  /** The items with these ids and their listings, in one statement per 4,096 ids. */
  @Override
  public Map<ItemId, Item> itemsById(WorkspaceId workspace, Collection<ItemId> ids) {
    return db.jdbcRead("reading items by id", c -> itemReads.byIds(c, workspace, ids));
  }

  @Override
  public Optional<ItemId> itemId(WorkspaceId workspace, Sku sku) {
    return db.read("looking up SKU " + sku, dsl -> Queries.itemId(dsl, workspace, sku));
  }

  @Override
  public Optional<ItemId> itemIdOfListing(WorkspaceId workspace, ListingId listing) {
    return db.read("looking up listing " + listing, dsl -> Queries.itemIdOfListing(dsl, workspace, listing));
  }

  @Override
  public Optional<ListingId> listingByExternalId(WorkspaceId workspace, Channel channel, String externalId) {
    return db.read("looking up a listing by external id",
        dsl -> Queries.listingByExternalId(dsl, workspace, channel, externalId));
  }

  @Override
  public Optional<Order> order(WorkspaceId workspace, OrderId id) {
    return db.jdbcRead("reading order " + id, c -> itemReads.order(c, workspace, id));
  }

  /** The orders with these ids, in one statement per 4,096 ids (an unnested array joined to the orders). */
  @Override
  public Map<OrderId, Order> ordersById(WorkspaceId workspace, Collection<OrderId> ids) {
    return db.jdbcRead("reading orders by id", c -> itemReads.orders(c, workspace, ids));
  }

  @Override
  public Optional<OrderId> orderByExternalId(WorkspaceId workspace, Channel channel, String externalOrderId) {
    return db.read("looking up an order by external id",
        dsl -> Queries.orderByExternalId(dsl, workspace, channel, externalOrderId));
  }

  @Override
  public List<Item> items(WorkspaceId workspace) {
    return db.read("reading items", dsl -> Queries.items(dsl, workspace));
  }

  @Override
  public List<Order> orders(WorkspaceId workspace) {
    return db.read("reading orders", dsl -> Queries.orders(dsl, workspace));
  }

  @Override
  public List<LedgerEvent> stream(WorkspaceId workspace, StreamId stream) {
    return db.read("reading stream " + stream, dsl -> Queries.stream(dsl, workspace, stream));
  }

  @Override
  public List<LedgerEvent> events(WorkspaceId workspace, Collection<EventId> ids) {
    return db.read("reading events by id", dsl -> Queries.events(dsl, workspace, ids));
  }

  @Override
  public List<LedgerEvent> events(WorkspaceId workspace) {
    return db.streamingRead("reading events", dsl -> {
      List<LedgerEvent> events = new java.util.ArrayList<>();
      Queries.forEachEvent(dsl, workspace, events::add);
      return List.copyOf(events);
    });
  }

  /** Streams the events through a database cursor: one fetch of rows at a time in memory. */
  @Override
  public long forEachEvent(WorkspaceId workspace, java.util.function.Consumer<LedgerEvent> sink) {
    return db.streamingRead("reading events", dsl -> Queries.forEachEvent(dsl, workspace, sink));
  }

  /** In SQL on the indexes of migration V7 ({@code PagedQueries}); agrees with the in-memory reference. */
  @Override
  public org.resellledger.core.store.Page<Item> itemPage(WorkspaceId workspace,
      org.resellledger.core.store.ItemQuery query, Optional<String> after, int limit) {
    return db.read("reading a page of items", dsl -> PagedQueries.items(dsl, workspace, query, after, limit));
  }

  @Override
  public org.resellledger.core.store.Page<Order> orderPage(WorkspaceId workspace,
      org.resellledger.core.store.OrderQuery query, Optional<String> after, int limit) {
    return db.read("reading a page of orders", dsl -> PagedQueries.orders(dsl, workspace, query, after, limit));
  }

  @Override
  public org.resellledger.core.store.Page<LedgerEvent> eventPage(WorkspaceId workspace,
      org.resellledger.core.store.EventQuery query, Optional<String> after, int limit) {
    return db.read("reading a page of events", dsl -> PagedQueries.events(dsl, workspace, query, after, limit));
  }

  /** One statement per stream kind for the lot (per 500 streams). */
  @Override
  public Map<StreamId, List<LedgerEvent>> streamsOf(WorkspaceId workspace, Collection<StreamId> streams) {
    return db.read("reading streams", dsl -> PagedQueries.streamsOf(dsl, workspace, streams));
  }

  /** Streams the events stream by stream through a database cursor over the stream-version key. */
  @Override
  public long forEachEventByStream(WorkspaceId workspace, java.util.function.Consumer<LedgerEvent> sink) {
    return db.streamingRead("reading events stream by stream",
        dsl -> Queries.forEachEventByStream(dsl, workspace, sink));
  }

  /** Reads the items in keyset pages of {@value #PAGE}, one page in memory at a time. */
  @Override
  public void forEachItem(WorkspaceId workspace, java.util.function.Consumer<Item> sink) {
    Optional<String> after = Optional.empty();
    do {
      var page = itemPage(workspace, org.resellledger.core.store.ItemQuery.all(), after, PAGE);
      page.rows().forEach(sink);
      after = page.next();
    } while (after.isPresent());
  }

  /** Reads the orders in keyset pages of {@value #PAGE}, one page in memory at a time. */
  @Override
  public void forEachOrder(WorkspaceId workspace, java.util.function.Consumer<Order> sink) {
    Optional<String> after = Optional.empty();
    do {
      var page = orderPage(workspace, org.resellledger.core.store.OrderQuery.all(), after, PAGE);
      page.rows().forEach(sink);
      after = page.next();
    } while (after.isPresent());
  }

  private static final int PAGE = 500;

  @Override
  public Optional<Receipt> receipt(WorkspaceId workspace, ProviderRef provider) {
    return db.read("reading receipt " + provider, dsl -> Queries.receipt(dsl, workspace, provider));
  }

  /** Through a cursor, by provider then provider event id as Java compares strings. */
  @Override
  public long forEachReceipt(WorkspaceId workspace, java.util.function.Consumer<Receipt> sink) {
    return db.streamingRead("reading receipts", dsl -> Queries.forEachReceipt(dsl, workspace, sink));
  }

  /**
   * One transaction: refuses a workspace holding events or receipts, then inserts what {@code producer}
   * hands over in batches of {@value #REBUILD_BATCH}; every read the producer makes on this thread runs in
   * the same transaction. If anything throws, it rolls back and nothing is written. Memory holds one batch.
   */
  @Override
  public void restore(WorkspaceId workspace,
      java.util.function.Consumer<org.resellledger.core.store.RestoreSink> producer) {
    Objects.requireNonNull(producer, "producer");
    db.holding("restoring a backup", c -> null, () -> {
      if (db.read("checking the workspace is empty", dsl -> Queries.holdsEventsOrReceipts(dsl, workspace))) {
        throw new org.resellledger.core.store.WorkspaceNotEmptyException(workspace);
      }
      org.resellledger.jooq.internal.RestoreBatches batches = new org.resellledger.jooq.internal.RestoreBatches(
          workspace, REBUILD_BATCH, (events, receipts) -> db.jdbcTransaction("writing restored events", c -> {
            writer.insertRestored(c, workspace, events, receipts);
            return null;
          }));
      producer.accept(batches);
      batches.flush();
      return null;
    });
  }

  /** The state of a stream of a registered kind, from its row (not by replaying its events). */
  @Override
  public Optional<StreamState> state(WorkspaceId workspace, StreamId stream) {
    return db.read("reading stream state " + stream, dsl -> Queries.state(dsl, workspace, stream));
  }

  @Override
  public Optional<StreamId> streamWithKey(WorkspaceId workspace, StreamId.Kind kind, UniqueKey key) {
    return db.read("looking up a " + kind + " stream by key", dsl -> Queries.streamWithKey(dsl, workspace, kind, key));
  }

  @Override
  public List<KeyedStream> streamsWithKeyPrefix(WorkspaceId workspace, StreamId.Kind kind, String keyName,
      String prefix, int limit) {
    KeyedStream.checkQuery(keyName, prefix, limit);
    return db.read("listing " + kind + " streams by key " + keyName,
        dsl -> Queries.streamsWithKeyPrefix(dsl, workspace, kind, keyName, prefix, Optional.empty(), limit));
  }

  @Override
  public List<KeyedStream> streamsWithKeyAfter(WorkspaceId workspace, StreamId.Kind kind, String keyName,
      String prefix, Optional<String> after, int limit) {
    KeyedStream.checkQuery(keyName, prefix, limit);
    java.util.Objects.requireNonNull(after, "after");
    return db.read("listing " + kind + " streams by key " + keyName + " after " + after.orElse("the start"),
        dsl -> Queries.streamsWithKeyPrefix(dsl, workspace, kind, keyName, prefix, after, limit));
  }

  // ---- writes ------------------------------------------------------------------------------------------

  /**
   * Locks the streams' rows ({@code SELECT ... FOR UPDATE} on their projection rows, in the order commits
   * lock them), then runs {@code attempt} with every read and the commit it makes on this thread in that
   * same transaction: see {@link LedgerStore#locked}. At READ COMMITTED on PostgreSQL a lock that waited
   * returns the row as the other writer committed it, and the attempt's reads come after it.
   */
  @Override
  public <T> T locked(WorkspaceId workspace, Collection<StreamId> streams, java.util.function.Supplier<T> attempt) {
    Objects.requireNonNull(attempt, "attempt");
    List<StreamId> toLock = List.copyOf(streams);
    for (int tries = 1; ; tries++) {
      boolean[] held = {false};
      try {
        return db.holding("a locked attempt", c -> {
          writer.lock(c, workspace, toLock);
          held[0] = true;
          return null;
        }, attempt);
      } catch (ConcurrencyException lost) {
        // On H2 (REPEATABLE READ) a lock that had to wait for another writer is refused as a lost race once
        // that writer commits. Nothing of the attempt ran, so take the lock again in a fresh transaction:
        // each refusal means another writer committed, so the writers as a whole make progress.
        if (held[0] || tries >= LOCK_TRIES) {
          throw lost;
        }
      }
    }
  }

  /** How often {@link #locked} takes its lock again after waiting for another writer (H2 only needs it). */
  private static final int LOCK_TRIES = 1000;

  @Override
  public void commit(Commit commit) {
    Objects.requireNonNull(commit, "commit");
    db.jdbcTransaction("commit", c -> {
      writer.write(c, commit);
      return null;
    });
  }

  @Override
  public void replaceProjections(WorkspaceId workspace, List<Item> items, List<Order> orders) {
    replaceProjections(workspace, items, orders, List.of());
  }

  @Override
  public void replaceProjections(WorkspaceId workspace, List<Item> items, List<Order> orders,
      List<StreamState> streams) {
    db.transaction("replacing projections", dsl -> {
      Projections.replace(dsl, writer, workspace, items, orders, streams);
      return null;
    });
  }

  /**
   * Clears the workspace's projection rows and writes what {@code producer} hands over in batches of
   * {@value #REBUILD_BATCH}, all in one transaction; every read the producer makes on this thread (the
   * rebuild's cursor over the events) runs in that same transaction. Memory holds one batch.
   */
  @Override
  public void replaceProjections(WorkspaceId workspace,
      java.util.function.Consumer<org.resellledger.core.store.ProjectionSink> producer) {
    Objects.requireNonNull(producer, "producer");
    db.holding("replacing projections", c -> null, () -> {
      db.transaction("clearing projections", dsl -> {
        Projections.clear(dsl, workspace);
        return null;
      });
      Projections.Batches batches = new Projections.Batches(REBUILD_BATCH, (items, orders, streams) ->
          db.transaction("writing rebuilt projections", dsl -> {
            Projections.write(dsl, writer, workspace, items, orders, streams);
            return null;
          }));
      producer.accept(batches);
      batches.flush();
      return null;
    });
  }

  private static final int REBUILD_BATCH = 1_000;

  /**
   * Rebuilds the workspace's projections from its events, streaming them through a cursor, and replaces the
   * stored projections in one transaction: {@code Ledger.rebuildProjections()}, with its counts.
   */
  public RebuildSummary rebuildProjections(WorkspaceId workspace) {
    Ledger.Rebuilt r = Ledger.open(this, workspace).rebuildProjections();
    return new RebuildSummary(r.events(), r.items(), r.orders());
  }

  /** What a rebuild read and wrote. */
  public record RebuildSummary(long events, int items, int orders) {}

  // ---- the provider-event inbox ------------------------------------------------------------------------

  @Override
  public Delivered receive(WorkspaceId workspace, InboxEntryId id, ProviderEvent event) {
    return inbox.receive(workspace, id, event);
  }

  @Override
  public Optional<InboxEntry> inboxEntry(WorkspaceId workspace, InboxEntryId id) {
    return inbox.entry(workspace, id);
  }

  @Override
  public List<InboxEntry> inboxEntries(WorkspaceId workspace, InboxState state, int offset, int limit) {
    return inbox.entries(workspace, state, offset, limit);
  }

  @Override
  public InboxEntry settle(WorkspaceId workspace, InboxEntryId id, Outcome next) {
    return inbox.settle(workspace, id, next);
  }

  // ---- the channel-id map ------------------------------------------------------------------------------

  @Override
  public ChannelLink link(WorkspaceId workspace, ChannelLink link) {
    return links.link(workspace, link);
  }

  @Override
  public Optional<ChannelLink> linkOf(WorkspaceId workspace, ChannelRef ref) {
    return links.linkOf(workspace, ref);
  }

  @Override
  public List<ChannelLink> linksTo(WorkspaceId workspace, ListingId listing) {
    return links.linksTo(workspace, listing);
  }

  /** Closes the embedded database this store owns; a store on the host's DataSource leaves it open. */
  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      throw new LedgerStorageException("closing the ledger store failed", e);
    }
  }
}
