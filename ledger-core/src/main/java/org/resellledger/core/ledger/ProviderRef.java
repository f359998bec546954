package org.resellledger.core.ledger;

import org.resellledger.core.value.Checks;

/**
 * A channel's own name for a message it sent: provider (e.g. {@code ebay}) and the provider's event id. A
 * command that carries one is applied at most once per workspace.
 */
public record ProviderRef(String provider, String eventId) {
  public ProviderRef {
    provider = Checks.text("provider", provider, 32);
    eventId = Checks.text("providerEventId", eventId, 200);
  }

  public static ProviderRef of(String provider, String eventId) {
    return new ProviderRef(provider, eventId);
  }

  @Override
  public String toString() {
    return provider + "/" + eventId;
  }
}
