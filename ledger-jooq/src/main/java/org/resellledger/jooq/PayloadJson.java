package org.resellledger.jooq;

import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.store.PayloadCodec;
import org.resellledger.jooq.internal.mapping.EventRows;

/**
 * Event payloads as the JSON this store keeps them in ({@code ledger_events.payload}): the codec a backup
 * file carries payloads in, whatever store it was written from or is restored into.
 */
public final class PayloadJson implements PayloadCodec {
  private static final PayloadJson INSTANCE = new PayloadJson();

  private PayloadJson() {}

  public static PayloadJson codec() {
    return INSTANCE;
  }

  @Override
  public String write(EventPayload payload) {
    return EventRows.payloadJson(payload);
  }

  @Override
  public EventPayload read(String kind, String text) {
    return EventRows.payload(kind, text);
  }
}
