package org.resellledger.core.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.ledger.EventId;

/**
 * One exception that needs a person: which queue, what it is about, the evidence and what to do next.
 *
 * <ul>
 *   <li>{@code subject} names the record: a SKU, an order id, an inbox entry id, or a storage location
 *       ({@link QueueKind#UNCOUNTED_LOCATION}).
 *   <li>{@code evidence} holds the ids of the ledger events the entry is derived from (none for an inbox
 *       entry, which is named by its id); {@code figures} the numbers a person checks, in reading order.
 *   <li>{@code suggestedAction} names the command (or the step) that takes the entry out of its queue.
 *   <li>{@code due} is the deadline the entry is about, where it has one (a ship-by date, a return deadline).
 * </ul>
 */
public record QueueEntry(QueueKind kind, String subject, String summary, List<EventId> evidence,
    Map<String, String> figures, String suggestedAction, Optional<Instant> due) {

  public QueueEntry {
    evidence = List.copyOf(evidence);
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
  }
}
