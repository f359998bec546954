package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.jooq.internal.Migrations;
import org.resellledger.jooq.support.SmallStory;

/**
 * The real migrations on an empty database, next to a host application's own Flyway migrations, and with
 * migration on open turned off. (The store contract classes then run the whole contract on freshly
 * migrated databases.)
 */
abstract class MigrationScenarios {
  private static final WorkspaceId WS = WorkspaceId.of("migrated");

  /** An empty database (or schema) that nobody has migrated. */
  protected abstract DataSource emptyDatabase();

  protected abstract DSLContext dsl(DataSource dataSource);

  @Test
  void migrate_onAnEmptyDatabase_recordsItsOwnHistory_andTheStoreWorks() {
    DataSource ds = emptyDatabase();

    JooqLedgerStore.migrate(ds);

    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(tableExists(ds, "flyway_schema_history")).isFalse();
    assertStoreWorks(JooqLedgerStore.forDataSource(ds, StoreOptions.builder().migrate(false).build()));
  }

  @Test
  void migrate_besideTheHostsOwnFlywayMigrations_neitherSeesTheOther() {
    DataSource ds = emptyDatabase();
    Flyway host = Flyway.configure().dataSource(ds).locations("classpath:host/migration").load();
    host.migrate();

    JooqLedgerStore store = JooqLedgerStore.forDataSource(ds);

    assertThat(appliedVersions(ds, "flyway_schema_history")).containsExactly("1", "2");
    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertStoreWorks(store);
    assertThat(host.validateWithResult().validationSuccessful).isTrue();
    assertThat(host.migrate().migrationsExecuted).isZero();
    assertThat(dsl(ds).fetchCount(DSL.table(DSL.unquotedName("host_customers")))).isEqualTo(1);
  }

  @Test
  void openingWithoutMigration_leavesTheDatabaseEmpty_untilTheHostMigrates() {
    DataSource ds = emptyDatabase();
    JooqLedgerStore store = JooqLedgerStore.forDataSource(ds, StoreOptions.builder().migrate(false).build());

    assertThat(tableExists(ds, Migrations.HISTORY_TABLE)).isFalse();
    assertThatThrownBy(() -> store.items(WS)).isInstanceOf(LedgerStorageException.class)
        .hasMessageContaining("reading items failed");

    JooqLedgerStore.migrate(ds);
    assertStoreWorks(store);
  }

  @Test
  void migratingAgain_changesNothing() {
    DataSource ds = emptyDatabase();
    JooqLedgerStore.migrate(ds);
    JooqLedgerStore store = JooqLedgerStore.forDataSource(ds);
    SmallStory.run(ledger(store), 1);
    var events = store.events(WS);

    JooqLedgerStore.migrate(ds);
    JooqLedgerStore.forDataSource(ds);

    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(store.events(WS)).isEqualTo(events);
  }

  /**
   * Today's store writes the old version's rows, so the listing table gets the column today's store writes
   * (V8's, which adds it only if it is not there): the rows are the old version's, the upgrade is real.
   */
  private void withTodaysListingColumns(DataSource ds) {
    dsl(ds).execute("ALTER TABLE ledger_listings ADD COLUMN channel_view VARCHAR");
  }

  @Test
  void aDatabaseAtTheFirstVersion_isUpgradedOnOpen_keepingItsLedger() {
    DataSource ds = emptyDatabase();
    Migrations.migrate(ds, org.resellledger.jooq.internal.Database.on(ds).dialect(), "1");
    withTodaysListingColumns(ds);
    JooqLedgerStore old = JooqLedgerStore.forDataSource(ds, StoreOptions.builder().migrate(false).build());
    // written as the code of the first version wrote it: without the sync rule, whose proposals are kept in
    // the tables of V3 (a ledger of today on a schema of V1 would need them)
    SmallStory.run(Ledger.open(old, WS, ledger(old).config().withProposals(
        org.resellledger.core.proposal.ProposalPolicy.defaults().withSyncProposals(false))), 1);
    var events = old.events(WS);
    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("1");

    JooqLedgerStore upgraded = JooqLedgerStore.forDataSource(ds);

    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(upgraded.events(WS)).isEqualTo(events);
    assertThat(ledger(upgraded).replayMatchesProjections()).isTrue();
    Ledger after = Ledger.open(upgraded, WS, LedgerConfig.defaults().withIds(IdGenerator.sequential("n")));
    after.execute(new org.resellledger.core.item.ItemCommand.IntakeItem(
        org.resellledger.testkit.gen.Samples.details("AFTER-UPGRADE"), 1,
        org.resellledger.core.item.ItemStatus.READY_TO_LIST, org.resellledger.testkit.gen.Samples.manual("ana")));
    assertThat(upgraded.events(WS)).startsWith(events.toArray(new org.resellledger.core.ledger.LedgerEvent[0]))
        .hasSize(events.size() + 1);
  }

  @Test
  void aDatabaseAtV3WithRows_isUpgradedToKeysLeadingWithTheWorkspace_keepingEveryRow() {
    DataSource ds = emptyDatabase();
    Migrations.migrate(ds, org.resellledger.jooq.internal.Database.on(ds).dialect(), "3");
    withTodaysListingColumns(ds);
    JooqLedgerStore old = JooqLedgerStore.forDataSource(ds, StoreOptions.builder().migrate(false).build());
    // written as the code of the first version wrote it: without the sync rule, whose proposals are kept in
    // the tables of V3 (a ledger of today on a schema of V1 would need them)
    SmallStory.run(Ledger.open(old, WS, ledger(old).config().withProposals(
        org.resellledger.core.proposal.ProposalPolicy.defaults().withSyncProposals(false))), 1);
    // a stream of another kind, and its key, as V3 keeps them (no such kind is registered by default)
    dsl(ds).execute("INSERT INTO ledger_streams (workspace_id, stream_kind, stream_id, version, body)"
        + " VALUES (?, ?, ?, ?, ?)", WS.value(), "PROPOSAL", "p-1", 2L, "{\"x\":1}");
    dsl(ds).execute("INSERT INTO ledger_stream_keys (workspace_id, stream_kind, key_name, key_value, stream_id)"
        + " VALUES (?, ?, ?, ?, ?)", WS.value(), "PROPOSAL", "code", "C-1", "p-1");
    var events = old.events(WS);
    var items = old.items(WS);
    var orders = old.orders(WS);
    var before = rowCounts(ds);
    var seqs = seqs(ds);
    assertThat(events).isNotEmpty();
    assertThat(orders).isNotEmpty();

    JooqLedgerStore upgraded = JooqLedgerStore.forDataSource(ds);

    assertThat(appliedVersions(ds, Migrations.HISTORY_TABLE)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(rowCounts(ds)).isEqualTo(before);
    assertThat(seqs(ds)).isEqualTo(seqs);
    assertThat(upgraded.events(WS)).isEqualTo(events);
    assertThat(upgraded.items(WS)).isEqualTo(items);
    assertThat(upgraded.orders(WS)).isEqualTo(orders);
    assertThat(dsl(ds).fetchValue("SELECT body FROM ledger_streams WHERE workspace_id = ? AND stream_id = ?",
        WS.value(), "p-1")).isEqualTo("{\"x\":1}");
    assertThat(ledger(upgraded).replayMatchesProjections()).isTrue();
    // the new primary key still refuses nothing it should not and keeps the commit order: a new event
    // goes after every old one
    Ledger after = Ledger.open(upgraded, WS, LedgerConfig.defaults().withIds(IdGenerator.sequential("v4")));
    after.execute(new org.resellledger.core.item.ItemCommand.IntakeItem(
        org.resellledger.testkit.gen.Samples.details("AFTER-V4"), 1,
        org.resellledger.core.item.ItemStatus.READY_TO_LIST, org.resellledger.testkit.gen.Samples.manual("ana")));
    assertThat(upgraded.events(WS)).startsWith(events.toArray(new org.resellledger.core.ledger.LedgerEvent[0]))
        .hasSize(events.size() + 1);
  }

  private java.util.Map<String, Integer> rowCounts(DataSource ds) {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (String t : List.of("ledger_events", "ledger_receipts", "ledger_items", "ledger_listings", "ledger_orders",
        "ledger_streams", "ledger_stream_keys")) {
      counts.put(t, dsl(ds).fetchCount(DSL.table(DSL.unquotedName(t))));
    }
    return counts;
  }

  private List<Long> seqs(DataSource ds) {
    return dsl(ds).fetch("SELECT seq FROM ledger_events ORDER BY seq").getValues(0, Long.class);
  }

  private void assertStoreWorks(JooqLedgerStore store) {
    Ledger ledger = ledger(store);
    SmallStory.run(ledger, 2);
    assertThat(ledger.items()).hasSize(4);
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  private static Ledger ledger(JooqLedgerStore store) {
    return Ledger.open(store, WS, LedgerConfig.defaults().withIds(IdGenerator.sequential("m")));
  }

  private List<String> appliedVersions(DataSource ds, String historyTable) {
    var t = DSL.table(DSL.name(historyTable));
    var version = DSL.field(DSL.name("version"), String.class);
    var success = DSL.field(DSL.name("success"), Boolean.class);
    // versioned rows only: Flyway also records the creation of the history table itself, without a version
    return dsl(ds).select(version).from(t).where(success.isTrue()).and(version.isNotNull()).orderBy(DSL.field(DSL.name("installed_rank")))
        .fetch(version);
  }

  /** Whether the table is in the connection's own schema (other schemas of a shared server do not count). */
  private boolean tableExists(DataSource ds, String table) {
    try (java.sql.Connection c = ds.getConnection();
        java.sql.ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return true;
        }
      }
      return false;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
