package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_INBOX;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.Inbox;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.jooq.internal.mapping.InboxRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerInboxRecord;

/**
 * The jOOQ store's inbox on {@code ledger_inbox}. Core's {@link Inbox} decides; this reads what it needs,
 * writes what it decided, and lets the table's unique keys settle races.
 *
 * <ul>
 *   <li>{@link #receive} reads the rows of the delivery's key and writes in one transaction: a redelivery
 *       adds one to its row's count in SQL ({@code deliveries = deliveries + 1}), so no count is lost; a new
 *       row that meets a unique key another writer took first (the same delivery, at the same moment)
 *       rolls back and is tried again, and then finds that row and counts itself there.
 *   <li>{@link #settle} updates {@code WHERE version = } the version it read, and reads again on a miss.
 * </ul>
 */
public final class InboxAccess {
  /** Tries of one receive or settle against writers of the same key: each lost try means another won. */
  private static final int TRIES = 200;

  private final Database db;

  public InboxAccess(Database db) {
    this.db = db;
  }

  public Delivered receive(WorkspaceId ws, InboxEntryId id, ProviderEvent event) {
    java.util.Objects.requireNonNull(ws, "workspace");
    if (event == null || id == null) {
      return Inbox.receive(List.of(), false, id, event); // refuses MISSING_FIELD, naming the field
    }
    return retried("receiving provider event " + event.dedupeKey(), dsl -> {
      List<LedgerInboxRecord> sameKey = dsl.selectFrom(LEDGER_INBOX)
          .where(LEDGER_INBOX.WORKSPACE_ID.eq(ws.value()), LEDGER_INBOX.DEDUPE_KEY.eq(event.dedupeKey().value()))
          .orderBy(LEDGER_INBOX.VARIANT).fetch();
      boolean idTaken = dsl.fetchExists(LEDGER_INBOX,
          LEDGER_INBOX.WORKSPACE_ID.eq(ws.value()), LEDGER_INBOX.ENTRY_ID.eq(id.value()));
      Delivered d = Inbox.receive(sameKey.stream().map(InboxRows::toEntry).toList(), idTaken, id, event);
      if (d.isRedelivery()) {
        dsl.update(LEDGER_INBOX)
            .set(LEDGER_INBOX.DELIVERIES, LEDGER_INBOX.DELIVERIES.plus(1))
            .set(LEDGER_INBOX.LAST_RECEIVED_AT,
                DSL.greatest(LEDGER_INBOX.LAST_RECEIVED_AT, DSL.val(InboxRows.utc(event.receivedAt()))))
            .where(whereId(ws, d.entry().id()))
            .execute();
        return new Delivered(read(dsl, ws, d.entry().id()).orElseThrow(), d.arrival());
      }
      dsl.executeInsert(InboxRows.toRecord(ws, d.entry(), sameKey.size()));
      return d;
    });
  }

  public Optional<InboxEntry> entry(WorkspaceId ws, InboxEntryId id) {
    return db.read("reading inbox entry " + id, dsl -> read(dsl, ws, id));
  }

  public List<InboxEntry> entries(WorkspaceId ws, InboxState state, int offset, int limit) {
    Inbox.page(state, offset, limit);
    return db.read("listing " + state + " inbox entries", dsl -> dsl.selectFrom(LEDGER_INBOX)
        .where(LEDGER_INBOX.WORKSPACE_ID.eq(ws.value()), LEDGER_INBOX.STATE.eq(state.name()))
        .orderBy(LEDGER_INBOX.RECEIVED_AT.desc(), LEDGER_INBOX.SEQ.desc())
        .offset(offset).limit(limit)
        .fetch().map(InboxRows::toEntry));
  }

  public InboxEntry settle(WorkspaceId ws, InboxEntryId id, Outcome next) {
    java.util.Objects.requireNonNull(ws, "workspace");
    return retried("settling inbox entry " + id, dsl -> {
      LedgerInboxRecord row = dsl.selectFrom(LEDGER_INBOX).where(whereId(ws, id)).fetchOne();
      if (row == null) {
        throw Inbox.unknown(ws, id);
      }
      InboxEntry moved = Inbox.settle(InboxRows.toEntry(row), next);
      LedgerInboxRecord changed = new LedgerInboxRecord();
      InboxRows.setOutcome(changed, moved.outcome());
      int updated = dsl.update(LEDGER_INBOX)
          .set(LEDGER_INBOX.STATE, changed.getState())
          .set(LEDGER_INBOX.DETAIL, changed.getDetail())
          .set(LEDGER_INBOX.EVENT_IDS, changed.getEventIds())
          .set(LEDGER_INBOX.VERSION, LEDGER_INBOX.VERSION.plus(1))
          .where(whereId(ws, id), LEDGER_INBOX.VERSION.eq(row.getVersion()))
          .execute();
      if (updated != 1) {
        throw new ConcurrencyException("inbox entry " + id + " was settled by another writer meanwhile");
      }
      return read(dsl, ws, id).orElseThrow();
    });
  }

  private <T> T retried(String doing, java.util.function.Function<DSLContext, T> work) {
    for (int tries = 1; ; tries++) {
      try {
        return db.transaction(doing, work);
      } catch (ConcurrencyException lost) {
        if (tries >= TRIES) {
          throw lost;
        }
        Thread.onSpinWait();
      }
    }
  }

  private static Optional<InboxEntry> read(DSLContext dsl, WorkspaceId ws, InboxEntryId id) {
    return dsl.selectFrom(LEDGER_INBOX).where(whereId(ws, id)).fetchOptional().map(InboxRows::toEntry);
  }

  private static org.jooq.Condition whereId(WorkspaceId ws, InboxEntryId id) {
    return LEDGER_INBOX.WORKSPACE_ID.eq(ws.value()).and(LEDGER_INBOX.ENTRY_ID.eq(id.value()));
  }
}
