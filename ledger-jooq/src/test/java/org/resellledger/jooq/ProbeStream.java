package org.resellledger.jooq;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemFact.QuantityAdjusted;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamType;
import org.resellledger.testkit.gen.Samples;

/**
 * A stream kind whose state a store's JSON need not keep as given, for the round-trip guard: a label (text
 * no core type checked), an amount (a {@code BigDecimal} keeps its scale: {@code 1E+3} is written as
 * {@code 1000}, which reads back at another scale) and an instant typed by an interface (written as text, which
 * nothing reads back into a {@code TemporalAccessor}).
 */
public final class ProbeStream implements StreamType<ProbeStream.Probe> {
  static final StreamId.Kind KIND = StreamId.Kind.of("PROBE_TEST");
  static final ProbeStream TYPE = new ProbeStream();

  /** The state. */
  public record Probe(String label, BigDecimal amount, java.time.temporal.TemporalAccessor seen) {}

  @Override
  public StreamId.Kind kind() {
    return KIND;
  }

  @Override
  public Class<Probe> stateType() {
    return Probe.class;
  }

  @Override
  public Probe fold(Probe state, LedgerEvent event) {
    return state;
  }

  /** The commit of a new probe stream {@code id} with this state, after one event. */
  static Commit commit(WorkspaceId ws, String id, Probe state) {
    return commit(ws, id, state, new QuantityAdjusted(1));
  }

  /** The same, its event carrying this payload. */
  static Commit commit(WorkspaceId ws, String id, Probe state, EventPayload payload) {
    StreamId stream = new StreamId(KIND, id);
    LedgerEvent e = new LedgerEvent(ws, EventId.of("probe-" + id), stream, 1, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Source.MANUAL, Actor.person("probe"), Samples.NOW, Samples.NOW,
        Optional.empty(), Optional.empty(), Optional.empty(), payload);
    return new Commit(ws, Map.of(stream, 0L), List.of(e), List.of(), List.of(),
        List.of(StreamState.of(TYPE, id, 1, state)), Optional.empty());
  }
}
