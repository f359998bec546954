package org.resellledger.jooq.internal.mapping;

import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.StoredValues;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;

/** A {@link LedgerEvent} as one row of {@code ledger_events}: the envelope in columns, the payload as JSON. */
public final class EventRows {
  private EventRows() {}

  /** The row to insert; {@code seq} is left to the database. */
  public static LedgerEventsRecord toRecord(LedgerEvent e) {
    LedgerEventsRecord r = new LedgerEventsRecord();
    r.setWorkspaceId(e.workspace().value());
    r.setEventId(e.id().value());
    r.setStreamKind(e.stream().kind().name());
    r.setStreamId(e.stream().id());
    r.setVersion(e.version());
    r.setKind(e.kind());
    r.setItemId(e.item().map(ItemId::value).orElse(null));
    r.setListingId(e.listing().map(ListingId::value).orElse(null));
    r.setOrderId(e.order().map(OrderId::value).orElse(null));
    if (e.movement().isPresent()) {
      Movement m = e.movement().get();
      r.setMovementQty(m.quantity());
      r.setMovementFrom(m.from().name());
      r.setMovementTo(m.to().name());
    }
    r.setSource(e.source().name());
    r.setActorKind(e.actor().kind().name());
    r.setActorName(e.actor().name());
    r.setOccurredAt(Times.micros(e.occurredAt()));
    r.setOccurredAtNanos(Times.belowMicros(e.occurredAt()));
    r.setRecordedAt(Times.micros(e.recordedAt()));
    r.setRecordedAtNanos(Times.belowMicros(e.recordedAt()));
    r.setProvider(e.provider().map(ProviderRef::provider).orElse(null));
    r.setProviderEventId(e.provider().map(ProviderRef::eventId).orElse(null));
    r.setReason(e.reason().orElse(null));
    r.setCausation(e.causation().orElse(null));
    r.setPayload(LedgerJson.write(e.payload()));
    return r;
  }

  /** A payload as the JSON this store keeps in {@code ledger_events.payload}. */
  public static String payloadJson(org.resellledger.core.ledger.EventPayload payload) {
    return LedgerJson.write(payload);
  }

  /**
   * The payload of kind {@code kind} that {@code json} holds, read as a stored one is.
   *
   * @throws IllegalArgumentException when the kind is unknown or the JSON is not a payload of it
   */
  public static org.resellledger.core.ledger.EventPayload payload(String kind, String json) {
    org.resellledger.core.ledger.EventPayload payload;
    try {
      payload = LedgerJson.readPayload(kind, json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (payload == null) {
      throw new IllegalArgumentException("a " + kind + " payload is a JSON object, not " + json);
    }
    return payload;
  }

  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static LedgerEvent toEvent(LedgerEventsRecord r) {
    return StoredValues.read(() -> readEvent(r));
  }

  /** Core's two kinds without {@link StreamId.Kind#of}'s name check (a pattern match per event read). */
  private static StreamId.Kind kind(String name) {
    return switch (name) {
      case "ITEM" -> StreamId.Kind.ITEM;
      case "ORDER" -> StreamId.Kind.ORDER;
      default -> StreamId.Kind.valueOf(name);
    };
  }

  private static LedgerEvent readEvent(LedgerEventsRecord r) {
    Optional<Movement> movement = r.getMovementQty() == null
        ? Optional.empty()
        : Optional.of(Movement.of(r.getMovementQty(), Bucket.valueOf(r.getMovementFrom()),
            Bucket.valueOf(r.getMovementTo())));
    Optional<ProviderRef> provider = r.getProvider() == null
        ? Optional.empty()
        : Optional.of(ProviderRef.of(r.getProvider(), r.getProviderEventId()));
    return new LedgerEvent(
        WorkspaceId.of(r.getWorkspaceId()),
        EventId.of(r.getEventId()),
        new StreamId(kind(r.getStreamKind()), r.getStreamId()),
        r.getVersion(),
        Optional.ofNullable(r.getItemId()).map(ItemId::of),
        Optional.ofNullable(r.getListingId()).map(ListingId::of),
        Optional.ofNullable(r.getOrderId()).map(OrderId::of),
        movement,
        Source.valueOf(r.getSource()),
        new Actor(Actor.Kind.valueOf(r.getActorKind()), r.getActorName()),
        Times.instant(r.getOccurredAt(), r.getOccurredAtNanos()),
        Times.instant(r.getRecordedAt(), r.getRecordedAtNanos()),
        provider,
        Optional.ofNullable(r.getReason()),
        Optional.ofNullable(r.getCausation()),
        LedgerJson.readPayload(r.getKind(), r.getPayload()));
  }
}
