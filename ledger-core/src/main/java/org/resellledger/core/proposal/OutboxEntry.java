package org.resellledger.core.proposal;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * An approved external write waiting in the outbox, as its proposal carries it.
 *
 * <ul>
 *   <li>{@code queue} names the (channel, listing) or (channel, order) it is ordered in; entries of one
 *       queue are written one at a time in the order they were enqueued, and nothing orders two queues.
 *   <li>{@code idempotencyKey} is sent with every attempt, so a channel that keeps keys makes one change
 *       however often the write is sent.
 *   <li>{@code attempts} counts started attempts; {@code dueAt} is when the next may start (empty: blocked).
 * </ul>
 */
public record OutboxEntry(String queue, Channel channel, String idempotencyKey, Instant enqueuedAt, int attempts,
    Optional<Instant> dueAt, Optional<String> lastError) {
  public OutboxEntry {
    Checks.present("queue", queue);
    Checks.present("channel", channel);
    Checks.present("idempotencyKey", idempotencyKey);
    Checks.present("enqueuedAt", enqueuedAt);
    Checks.present("dueAt", dueAt);
    Checks.present("lastError", lastError);
  }

  public OutboxEntry started(int attempt, Instant retryAt) {
    return new OutboxEntry(queue, channel, idempotencyKey, enqueuedAt, attempt, Optional.of(retryAt), lastError);
  }

  public OutboxEntry failed(String error, Optional<Instant> retryAt) {
    return new OutboxEntry(queue, channel, idempotencyKey, enqueuedAt, attempts, retryAt, Optional.of(error));
  }

  public OutboxEntry dueAgain(Instant at) {
    return new OutboxEntry(queue, channel, idempotencyKey, enqueuedAt, 0, Optional.of(at), lastError);
  }
}
