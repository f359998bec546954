package org.resellledger.core.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.proposal.ProposalId;

/**
 * A count session as it stands now: the projection of its own stream (kind {@code COUNT}).
 *
 * <ul>
 *   <li>{@code lines} hold one line per SKU, in the order first counted; a recount replaces the line.
 *   <li>{@code report} and {@code proposals} are present once CLOSED, and never change after.
 *   <li>{@code version} is the number of events in its stream. Replaying the stream gives an equal value.
 * </ul>
 */
public record CountSession(CountSessionId id, StorageLocation location, Status status, Actor openedBy,
    Instant openedAt, List<CountLine> lines, Optional<Instant> closedAt, Optional<EventId> closedBy,
    List<VarianceLine> report, List<ProposalId> proposals, long version) {

  public CountSession {
    lines = List.copyOf(lines);
    report = List.copyOf(report);
    proposals = List.copyOf(proposals);
  }

  /** Whether lines may still be recorded. */
  public enum Status {
    OPEN, CLOSED
  }

  public Optional<CountLine> line(Sku sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
  }

  /** The units counted over every line. */
  public long unitsCounted() {
    return lines.stream().mapToLong(CountLine::counted).sum();
  }

  /** This session with {@code line} recorded: a recount of a SKU replaces its line in place. */
  public CountSession with(CountLine line, long v) {
    List<CountLine> next = new ArrayList<>(lines);
    int at = indexOf(line.sku());
    if (at < 0) {
      next.add(line);
    } else {
      next.set(at, line);
    }
    return new CountSession(id, location, status, openedBy, openedAt, next, closedAt, closedBy, report, proposals, v);
  }

  /** This session closed at {@code at} by event {@code event}, with its report and proposals. */
  public CountSession closed(Instant at, EventId event, List<VarianceLine> finalReport, List<ProposalId> drafted,
      long v) {
    return new CountSession(id, location, Status.CLOSED, openedBy, openedAt, lines, Optional.of(at),
        Optional.of(event), finalReport, drafted, v);
  }

  private int indexOf(Sku sku) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).sku().equals(sku)) {
        return i;
      }
    }
    return -1;
  }
}
