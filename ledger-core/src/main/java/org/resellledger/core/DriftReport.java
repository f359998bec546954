package org.resellledger.core;

import java.util.List;
import org.resellledger.core.ledger.StreamId;

/**
 * Where the stored projections differ from what the events say ({@link Ledger#drift}): each difference
 * names the stream, its item's SKU or order's external id where it has one, the field (a bucket's
 * balance as {@code balance AVAILABLE}), and both figures.
 *
 * @param events the events read
 * @param streams the streams replayed
 * @param differences at most the limit asked for, in the order found
 * @param truncated whether more differences were found than kept
 */
public record DriftReport(long events, long streams, List<Difference> differences, boolean truncated) {
  public DriftReport {
    differences = List.copyOf(differences);
  }

  /** One field of one stream where the stored projection and the replay disagree. */
  public record Difference(StreamId stream, String name, String field, String stored, String replayed) {}

  /** Whether the stored projections are exactly what the events say. */
  public boolean clean() {
    return differences.isEmpty();
  }
}
