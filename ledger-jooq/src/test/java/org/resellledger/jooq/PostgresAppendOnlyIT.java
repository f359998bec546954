package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;

import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.jooq.support.PostgresSchema;
import org.resellledger.jooq.support.SmallStory;

/**
 * On PostgreSQL the database itself refuses to change or remove an event: UPDATE, DELETE and TRUNCATE on
 * the events table fail for any client, and the events stay exactly as they were.
 */
class PostgresAppendOnlyIT {
  private final WorkspaceId ws = WorkspaceId.of("append-only");
  private PostgresSchema schema;
  private JooqLedgerStore store;
  private List<LedgerEvent> before;

  @BeforeEach
  void storyWritten() {
    schema = PostgresSchema.create();
    store = JooqLedgerStore.forDataSource(schema.dataSource());
    SmallStory.run(Ledger.open(store, ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("e"))), 2);
    before = store.events(ws);
    assertThat(before).isNotEmpty();
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) { // null when PostgreSQL is unreachable and the test was skipped
      schema.close();
    }
  }

  @Test
  void update_ofAnEvent_isRefused() throws Exception {
    assertRefused(dsl -> dsl.update(LEDGER_EVENTS).set(LEDGER_EVENTS.REASON, "rewritten")
        .where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value())).execute());
  }

  @Test
  void delete_ofAnEvent_isRefused() throws Exception {
    assertRefused(dsl -> dsl.deleteFrom(LEDGER_EVENTS).where(LEDGER_EVENTS.VERSION.eq(1L)).execute());
  }

  @Test
  void truncate_ofTheEventsTable_isRefused() throws Exception {
    assertRefused(dsl -> dsl.truncate(LEDGER_EVENTS).execute());
  }

  private void assertRefused(java.util.function.ToIntFunction<DSLContext> change) throws Exception {
    try (Connection c = schema.dataSource().getConnection()) {
      DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES,
          new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
      assertThatThrownBy(() -> change.applyAsInt(dsl))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("ledger_events is append-only");
    }
    assertThat(store.events(ws)).isEqualTo(before);
  }
}
