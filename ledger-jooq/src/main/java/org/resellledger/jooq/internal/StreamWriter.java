package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAM_KEYS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.jooq.internal.mapping.StreamRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerStreamKeysRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerStreamsRecord;

/**
 * Writes the states of streams of registered kinds ({@code Commit.streams()}) inside the commit's
 * transaction, with the same guards as an item's row: a version-checked UPDATE of an existing stream's
 * row, an INSERT of a new one (a row already there is a stale version), and its unique keys replaced (the
 * key table's primary key refuses one another stream holds). One code path for every kind.
 */
final class StreamWriter {
  private StreamWriter() {}

  static final Comparator<StreamState> LOCK_ORDER =
      Comparator.comparing((StreamState s) -> s.stream().kind()).thenComparing(s -> s.stream().id());

  static void write(DSLContext dsl, WorkspaceId ws, List<StreamState> states, Map<StreamId, Long> expected) {
    List<StreamState> ordered = new ArrayList<>(states);
    ordered.sort(LOCK_ORDER);
    List<LedgerStreamsRecord> fresh = new ArrayList<>();
    for (StreamState s : ordered) {
      LedgerStreamsRecord row = StreamRows.toRecord(ws, s);
      Long version = expected.get(s.stream());
      if (version == null || version > 0) {
        var update = dsl.update(LEDGER_STREAMS).set(LEDGER_STREAMS.VERSION, row.getVersion())
            .set(LEDGER_STREAMS.BODY, row.getBody()).where(key(ws, s.stream()));
        int moved = version == null ? update.execute() : update.and(LEDGER_STREAMS.VERSION.eq(version)).execute();
        if (moved == 0) {
          requireMissingAt(dsl, ws, s.stream(), version);
          insert(dsl, row);
        }
        dsl.deleteFrom(LEDGER_STREAM_KEYS).where(LEDGER_STREAM_KEYS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_STREAM_KEYS.STREAM_KIND.eq(s.stream().kind().name()))
            .and(LEDGER_STREAM_KEYS.STREAM_ID.eq(s.stream().id()))).execute();
      } else {
        fresh.add(row); // a new stream has no keys to delete: its rows go in one batch below
      }
    }
    if (fresh.size() == 1) {
      insert(dsl, fresh.get(0));
    } else if (!fresh.isEmpty()) {
      try {
        dsl.batchInsert(fresh).execute();
      } catch (DataAccessException e) {
        if (SqlFailures.isUniqueViolation(e)) {
          throw new ConcurrencyException("a new stream exists already: " + SqlFailures.message(e), e);
        }
        throw e;
      }
    }
    // every stream's keys at once, after every old key of the streams rewritten here is gone
    insertKeys(dsl, ws, ordered);
  }

  /**
   * After an update found no row at the expected version: stale if the row is there at another version;
   * if there is none (projections replaced without it), the stream's events decide.
   */
  private static void requireMissingAt(DSLContext dsl, WorkspaceId ws, StreamId stream, Long expected) {
    if (expected == null) {
      return;
    }
    Long row = dsl.select(LEDGER_STREAMS.VERSION).from(LEDGER_STREAMS).where(key(ws, stream)).fetchOne(LEDGER_STREAMS.VERSION);
    long actual = row != null ? row : eventsVersion(dsl, ws, stream);
    if (row != null || actual != expected) {
      throw new ConcurrencyException(stream + " is at version " + actual + ", expected " + expected);
    }
  }

  static long eventsVersion(DSLContext dsl, WorkspaceId ws, StreamId stream) {
    Long v = dsl.select(DSL.max(LEDGER_EVENTS.VERSION)).from(LEDGER_EVENTS)
        .where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_EVENTS.STREAM_KIND.eq(stream.kind().name()))
            .and(LEDGER_EVENTS.STREAM_ID.eq(stream.id())))
        .fetchOne(0, Long.class);
    return v == null ? 0 : v;
  }

  /** Checks a stream the commit only read and locks its row; false when it has no row. */
  static boolean lock(DSLContext dsl, WorkspaceId ws, StreamId stream, long expected) {
    return dsl.update(LEDGER_STREAMS).set(LEDGER_STREAMS.VERSION, LEDGER_STREAMS.VERSION)
        .where(key(ws, stream)).and(LEDGER_STREAMS.VERSION.eq(expected)).execute() == 1;
  }

  static void insertKeys(DSLContext dsl, WorkspaceId ws, List<StreamState> states) {
    List<LedgerStreamKeysRecord> rows = new ArrayList<>();
    for (StreamState s : states) {
      for (UniqueKey k : s.keys()) {
        rows.add(StreamRows.keyRecord(ws, s.stream(), k));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    try {
      dsl.batchInsert(rows).execute();
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException("a stream's unique key is taken: " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  private static void insert(DSLContext dsl, LedgerStreamsRecord row) {
    try {
      dsl.insertInto(LEDGER_STREAMS).set(row).execute();
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException("stream " + row.getStreamKind() + ":" + row.getStreamId()
            + " exists already: " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  private static org.jooq.Condition key(WorkspaceId ws, StreamId stream) {
    return LEDGER_STREAMS.WORKSPACE_ID.eq(ws.value())
        .and(LEDGER_STREAMS.STREAM_KIND.eq(stream.kind().name()))
        .and(LEDGER_STREAMS.STREAM_ID.eq(stream.id()));
  }
}
