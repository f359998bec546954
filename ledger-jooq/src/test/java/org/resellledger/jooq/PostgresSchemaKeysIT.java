package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resellledger.jooq.internal.Migrations;
import org.resellledger.jooq.support.PostgresSchema;

/**
 * The migrated schema, read from PostgreSQL's catalog, is ready to be sharded by workspace: every table of
 * the library (Flyway's history table aside, which stays a local table) has a workspace_id column and a
 * primary key, and every primary key, unique index and other index leads with workspace_id. A new table or
 * key in a later migration that does not is caught here.
 */
class PostgresSchemaKeysIT {
  private static PostgresSchema schema;
  private static DSLContext dsl;

  @BeforeAll
  static void migrate() {
    schema = PostgresSchema.create(2);
    JooqLedgerStore.migrate(schema.dataSource());
    dsl = DSL.using(schema.dataSource(), SQLDialect.POSTGRES);
  }

  @AfterAll
  static void drop() {
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void everyTable_hasWorkspaceIdAndAPrimaryKey() {
    List<String> tables = tables();
    assertThat(tables).contains("ledger_events", "ledger_receipts", "ledger_items", "ledger_listings",
        "ledger_orders", "ledger_streams", "ledger_stream_keys", "ledger_inbox", "ledger_channel_links");
    List<String> wrong = new ArrayList<>();
    for (String table : tables) {
      boolean hasColumn = dsl.fetchExists(DSL.selectOne().from("information_schema.columns")
          .where("table_schema = ? AND table_name = ? AND column_name = 'workspace_id'", schema.name(), table));
      boolean hasPrimaryKey = dsl.fetchExists(DSL.selectOne().from("pg_constraint c")
          .join("pg_class t").on("t.oid = c.conrelid").join("pg_namespace n").on("n.oid = t.relnamespace")
          .where("c.contype = 'p' AND n.nspname = ? AND t.relname = ?", schema.name(), table));
      if (!hasColumn || !hasPrimaryKey) {
        wrong.add(table + (hasColumn ? "" : " (no workspace_id)") + (hasPrimaryKey ? "" : " (no primary key)"));
      }
    }
    assertThat(wrong).as("tables not ready to be distributed by workspace_id").isEmpty();
  }

  @Test
  void everyPrimaryKeyUniqueKeyAndIndex_leadsWithWorkspaceId() {
    List<Record> indexes = indexes();
    assertThat(indexes).as("indexes found in the catalog").hasSizeGreaterThanOrEqualTo(7);
    assertThat(indexes).anyMatch(r -> r.get("index_name").equals("ledger_events_pk"));
    List<String> wrong = new ArrayList<>();
    for (Record r : indexes) {
      if (!"workspace_id".equals(r.get("first_column"))) {
        wrong.add(r.get("table_name") + "." + r.get("index_name") + (Boolean.TRUE.equals(r.get("is_primary"))
            ? " (primary key)" : Boolean.TRUE.equals(r.get("is_unique")) ? " (unique)" : "")
            + " leads with " + r.get("first_column"));
      }
    }
    assertThat(wrong).as("keys and indexes whose first column is not workspace_id").isEmpty();
  }

  @Test
  void theEventsWorkspaceSeqIndex_isGone_servedByThePrimaryKey() {
    List<String> eventIndexes = indexes().stream().filter(r -> r.get("table_name").equals("ledger_events"))
        .map(r -> (String) r.get("index_name")).toList();
    // V7 adds one index for reads of some kinds in a range of time (the dashboard's and review's)
    assertThat(eventIndexes).containsExactlyInAnyOrder("ledger_events_pk", "ledger_events_stream_version_uk",
        "ledger_events_event_id_uk", "ledger_events_kind_occurred_ix");
    String definition = String.valueOf(dsl.fetchValue("SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x"
        + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace"
        + " WHERE n.nspname = ? AND i.relname = 'ledger_events_pk'", schema.name()));
    assertThat(definition).endsWith("(workspace_id, seq)");
  }

  /** The library's tables in the schema, without Flyway's history table. */
  private static List<String> tables() {
    return dsl.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'"
            + " AND table_name <> ? ORDER BY table_name", schema.name(), Migrations.HISTORY_TABLE)
        .getValues(0, String.class);
  }

  /** Every index of those tables (primary keys and unique constraints are indexes too), with its first column. */
  private static List<Record> indexes() {
    return new ArrayList<>(dsl.fetch("SELECT t.relname AS table_name, i.relname AS index_name,"
        + " x.indisprimary AS is_primary, x.indisunique AS is_unique, a.attname AS first_column"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
        + " JOIN pg_namespace n ON n.oid = t.relnamespace"
        + " LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]"
        + " WHERE n.nspname = ? AND t.relname <> ? ORDER BY t.relname, i.relname",
        schema.name(), Migrations.HISTORY_TABLE));
  }
}
