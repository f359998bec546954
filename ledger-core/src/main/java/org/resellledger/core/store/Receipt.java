package org.resellledger.core.store;

import java.util.List;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.ProviderRef;

/**
 * The record that a provider event was applied: its fingerprint (a digest of the command's content) and
 * the events it produced. At most one per (workspace, provider, provider event id).
 */
public record Receipt(ProviderRef provider, String fingerprint, List<EventId> events) {
  public Receipt {
    events = List.copyOf(events);
  }
}
