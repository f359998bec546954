package org.resellledger.core.queue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;

/**
 * A record that a queue's rule accepted on its own fields, waiting for its stream's events (the evidence):
 * {@link Queues} reads the streams of a page of them in one store read, then finishes each.
 */
record Pending(StreamId stream, Function<List<LedgerEvent>, Optional<QueueEntry>> finish) {}
