package org.resellledger.testkit.contract;

import java.util.Set;
import org.resellledger.core.item.ItemFact.QuantityAdjusted;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.UniqueKey;

/**
 * A stream kind that only the contract suite knows: a named tally. It proves that a store keeps a kind it
 * has no code for (version, state, unique key) through the generic part of the port. Core's facts are a
 * sealed set, so its events carry a core fact ({@link QuantityAdjusted}, folded here as a number to add)
 * and the tally's name is the first event's reason; a real kind adds its own facts to its concept.
 */
public final class TallyStream implements StreamType<TallyStream.Tally> {
  public static final StreamId.Kind KIND = StreamId.Kind.of("TALLY_TEST");
  public static final TallyStream TYPE = new TallyStream();

  /** The state: a name (unique in a workspace), the sum of the deltas, and how many were added. */
  public record Tally(String name, long total, int count) {}

  @Override
  public StreamId.Kind kind() {
    return KIND;
  }

  @Override
  public Class<Tally> stateType() {
    return Tally.class;
  }

  @Override
  public Tally fold(Tally state, LedgerEvent e) {
    int delta = ((QuantityAdjusted) e.payload()).delta();
    return state == null
        ? new Tally(e.reason().orElseThrow(), delta, 1)
        : new Tally(state.name(), state.total() + delta, state.count() + 1);
  }

  @Override
  public Set<UniqueKey> uniqueKeys(Tally state) {
    return Set.of(new UniqueKey("name", state.name()));
  }
}
