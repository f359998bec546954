package org.resellledger.jooq.internal.mapping;

import java.util.Set;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.jooq.internal.schema.tables.records.LedgerStreamKeysRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerStreamsRecord;

/**
 * Rows of a stream of a registered kind: its state as JSON (read back as its {@code StreamType}'s state
 * type), and one row per unique key.
 */
public final class StreamRows {
  private StreamRows() {}

  public static LedgerStreamsRecord toRecord(WorkspaceId ws, StreamState s) {
    LedgerStreamsRecord r = new LedgerStreamsRecord();
    r.setWorkspaceId(ws.value());
    r.setStreamKind(s.stream().kind().name());
    r.setStreamId(s.stream().id());
    r.setVersion(s.version());
    r.setBody(LedgerJson.write(s.state()));
    return r;
  }

  public static LedgerStreamKeysRecord keyRecord(WorkspaceId ws, StreamId stream, UniqueKey key) {
    LedgerStreamKeysRecord r = new LedgerStreamKeysRecord();
    r.setWorkspaceId(ws.value());
    r.setStreamKind(stream.kind().name());
    r.setKeyName(key.name());
    r.setKeyValue(key.value());
    r.setStreamId(stream.id());
    return r;
  }

  /** The state of a row, with the keys stored for it. */
  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static StreamState fromRecord(LedgerStreamsRecord r, Set<UniqueKey> keys) {
    return StoredValues.read(() -> readRecord(r, keys));
  }

  private static StreamState readRecord(LedgerStreamsRecord r, Set<UniqueKey> keys) {
    StreamId stream = new StreamId(StreamId.Kind.of(r.getStreamKind()), r.getStreamId());
    Object state = LedgerJson.read(r.getBody(), StreamTypes.require(stream.kind()).stateType());
    return new StreamState(stream, r.getVersion(), state, keys);
  }
}
