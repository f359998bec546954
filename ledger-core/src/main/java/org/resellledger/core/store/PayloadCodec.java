package org.resellledger.core.store;

import org.resellledger.core.ledger.EventPayload;

/**
 * An event payload as text and back, for what carries events outside a store (a backup file). Core has no
 * JSON; ledger-jooq's codec writes the JSON its store keeps. {@code read(kind, write(p))} equals {@code p},
 * and {@code write} of equal payloads gives equal text.
 */
public interface PayloadCodec {
  /** The payload as text. */
  String write(EventPayload payload);

  /**
   * The payload of kind {@code kind} ({@link org.resellledger.core.ledger.LedgerEvent#kind()}) that
   * {@code text} holds.
   *
   * @throws IllegalArgumentException when the kind is unknown or the text is not a valid payload of it,
   *     with a message saying why
   */
  EventPayload read(String kind, String text);
}
