package org.resellledger.core.inbox;

import java.time.Instant;
import org.resellledger.core.value.Checks;

/**
 * A provider event as the inbox keeps it: the event as first received, its key, what became of it, and how
 * often it was delivered.
 *
 * <ul>
 *   <li>A provider event is recorded once per (workspace, dedupe key, body); the event is never changed.
 *   <li>{@code deliveries} counts every delivery of it, redeliveries included; {@code lastReceivedAt} is the
 *       latest of their received-at times.
 * </ul>
 */
public record InboxEntry(InboxEntryId id, DedupeKey key, ProviderEvent event, Outcome outcome, int deliveries,
    Instant lastReceivedAt) {
  public InboxEntry {
    Checks.present("id", id);
    Checks.present("key", key);
    Checks.present("event", event);
    Checks.present("outcome", outcome);
    Checks.positive("deliveries", deliveries);
    Checks.present("lastReceivedAt", lastReceivedAt);
  }

  public InboxState state() {
    return outcome.state();
  }

  /** This entry after one more delivery of its event, received at {@code at}. */
  InboxEntry redelivered(Instant at) {
    Instant last = at.isAfter(lastReceivedAt) ? at : lastReceivedAt;
    return new InboxEntry(id, key, event, outcome, deliveries + 1, last);
  }

  InboxEntry with(Outcome next) {
    return new InboxEntry(id, key, event, next, deliveries, lastReceivedAt);
  }
}
