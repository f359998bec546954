package org.resellledger.jooq.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;

/** Every kind of payload, written to an events row and read back, gives an equal event. */
class PayloadJsonTest {
  private static final Instant NANOS = Instant.parse("2026-03-01T12:00:00.123456789Z");

  static Stream<EventPayload> payloads() {
    return Stream.concat(EveryPayload.filled().stream(), EveryPayload.empties().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void everyPayloadKind_withEveryEnvelopeField_readsBackEqual(EventPayload payload) {
    LedgerEvent event = new LedgerEvent(WorkspaceId.of("ws-1"), EventId.of("ev-1"),
        StreamId.of(ItemId.of("it-1")), 7, Optional.of(ItemId.of("it-1")), Optional.of(ListingId.of("li-1")),
        Optional.of(OrderId.of("or-1")), Optional.of(Movement.of(2, Bucket.AVAILABLE, Bucket.COMMITTED)),
        Source.WEBHOOK, Actor.channel("ebay"), NANOS, NANOS.plusNanos(1), Optional.of(ProviderRef.of("ebay", "n-1")),
        Optional.of("because — why"), Optional.of("ev-0"), payload);

    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void everyPayloadKind_withAnEmptyEnvelope_readsBackEqual(EventPayload payload) {
    LedgerEvent event = new LedgerEvent(WorkspaceId.of("ws-1"), EventId.of("ev-2"), StreamId.of(OrderId.of("or-1")),
        1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Source.MANUAL,
        Actor.person("ana"), Instant.EPOCH.minusNanos(1), Instant.EPOCH, Optional.empty(), Optional.empty(),
        Optional.empty(), payload);

    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void theSamplesCoverEveryPermittedPayloadKind() {
    assertThat(EveryPayload.filled().stream().map(p -> p.getClass().getSimpleName()).distinct())
        .containsExactlyInAnyOrderElementsOf(
            EventPayload.kinds().stream().map(Class::getSimpleName).toList());
  }

  @Test
  void payloadJson_hasNoTypeTagAndNoDerivedProperties() {
    var sale = new OrderItemFact.ChannelSaleRecorded(org.resellledger.core.listing.Channel.EBAY, 3, 1,
        org.resellledger.testkit.gen.Samples.usd("10.50"));

    assertThat(LedgerJson.write(sale))
        .isEqualTo("{\"channel\":\"ebay\",\"ordered\":3,\"committed\":1,"
            + "\"unitPrice\":{\"amount\":10.50,\"currency\":\"USD\"}}");
  }

  private static LedgerEvent roundTrip(LedgerEvent event) {
    LedgerEventsRecord row = EventRows.toRecord(event);
    assertThat(row.getKind()).isEqualTo(event.payload().getClass().getSimpleName());
    return EventRows.toEvent(row);
  }
}
