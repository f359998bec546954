package org.resellledger.jooq.internal.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.StoredValues;
import org.resellledger.jooq.internal.schema.tables.records.LedgerInboxRecord;

/**
 * An {@link InboxEntry} as one row of {@code ledger_inbox}: the event's fields in columns, the body as
 * bytes, headers and applied event ids as JSON, the outcome as state and detail. Instants are already to
 * the microsecond (core keeps a provider event's so), so one timestamp column each keeps them exactly.
 */
public final class InboxRows {
  private static final TypeReference<List<EventId>> EVENT_IDS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private InboxRows() {}

  public static LedgerInboxRecord toRecord(WorkspaceId workspace, InboxEntry entry, int variant) {
    ProviderEvent e = entry.event();
    LedgerInboxRecord r = new LedgerInboxRecord();
    r.setWorkspaceId(workspace.value());
    r.setEntryId(entry.id().value());
    r.setDedupeKey(entry.key().value());
    r.setVariant(variant);
    r.setBodyDigest(e.bodyDigest());
    r.setProvider(e.provider().code());
    r.setAccount(e.account());
    r.setTopic(e.topic());
    r.setProviderEventId(e.providerEventId());
    r.setDeliveryId(e.deliveryId().orElse(null));
    r.setReceivedAt(utc(e.receivedAt()));
    r.setOccurredAt(e.occurredAt().map(InboxRows::utc).orElse(null));
    r.setBody(e.body());
    r.setHeaders(LedgerJson.write(e.headers()));
    r.setSignature(e.signature().name());
    setOutcome(r, entry.outcome());
    r.setDeliveries(entry.deliveries());
    r.setLastReceivedAt(utc(entry.lastReceivedAt()));
    r.setVersion(0);
    return r;
  }

  /** Sets the outcome's three columns. */
  public static void setOutcome(LedgerInboxRecord r, Outcome outcome) {
    r.setState(outcome.state().name());
    r.setDetail(outcome.detail().orElse(null));
    r.setEventIds(LedgerJson.write(outcome.events()));
  }

  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static InboxEntry toEntry(LedgerInboxRecord r) {
    return StoredValues.read(() -> readEntry(r));
  }

  private static InboxEntry readEntry(LedgerInboxRecord r) {
    ProviderEvent event = ProviderEvent.builder().provider(Channel.of(r.getProvider())).account(r.getAccount())
        .topic(r.getTopic()).providerEventId(r.getProviderEventId()).deliveryId(Optional.ofNullable(r.getDeliveryId()))
        .receivedAt(r.getReceivedAt().toInstant())
        .occurredAt(Optional.ofNullable(r.getOccurredAt()).map(OffsetDateTime::toInstant)).body(r.getBody())
        .headers(LedgerJson.read(r.getHeaders(), HEADERS)).signature(SignatureVerdict.valueOf(r.getSignature()))
        .build();
    Outcome outcome = new Outcome(InboxState.valueOf(r.getState()), Optional.ofNullable(r.getDetail()),
        LedgerJson.read(r.getEventIds(), EVENT_IDS));
    return new InboxEntry(InboxEntryId.of(r.getEntryId()), new org.resellledger.core.inbox.DedupeKey(r.getDedupeKey()),
        event, outcome, r.getDeliveries(), r.getLastReceivedAt().toInstant());
  }

  public static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
