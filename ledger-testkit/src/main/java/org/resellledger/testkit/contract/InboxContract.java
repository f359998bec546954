package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.Delivered.Arrival;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.listing.Channel;

/**
 * What every {@link InboxStore} must do: the inbox group of {@link LedgerStoreContract}, which runs it on
 * the store under test when that store is an {@code InboxStore}. Entries are compared whole, so a store
 * that loses a header, a body byte or an instant's microseconds fails here.
 */
public abstract class InboxContract {
  static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

  /** The store under test. */
  protected abstract InboxStore inbox();

  /** A workspace of this test only. */
  protected abstract WorkspaceId ws();

  /** A second workspace of this test only. */
  protected abstract WorkspaceId otherWs();

  static ProviderEvent event(String topic, String eventId, String body, Instant at) {
    return ProviderEvent.builder().provider(Channel.SHOPIFY).account("demo.myshopify.com").topic(topic)
        .providerEventId(eventId).deliveryId("wh-" + at.toEpochMilli()).receivedAt(at)
        .occurredAt(at.minusSeconds(5)).body(body.getBytes(StandardCharsets.UTF_8))
        .putHeaders("X-Shopify-Topic", topic).putHeaders("X-Shopify-Hmac-Sha256", "c2lnbmVk")
        .signature(SignatureVerdict.VERIFIED).build();
  }

  static ProviderEvent event(String eventId, String body) {
    return event("orders/create", eventId, body, AT);
  }

  private static InboxEntryId id(String value) {
    return InboxEntryId.of(value);
  }

  private Delivered receive(String id, ProviderEvent event) {
    return inbox().receive(ws(), id(id), event);
  }

  @Test
  void aFirstDelivery_isStoredWhole_andReadBackEqual() {
    ProviderEvent event = event("ev-1", "{\"id\":5001,\"note\":\"caf\u00e9\"}");
    Delivered d = receive("in-1", event);

    assertThat(d.arrival()).isEqualTo(Arrival.FIRST);
    InboxEntry stored = inbox().inboxEntry(ws(), id("in-1")).orElseThrow();
    assertThat(stored).isEqualTo(d.entry());
    assertThat(stored.event()).isEqualTo(event);
    assertThat(stored.event().body()).isEqualTo(event.body());
    assertThat(stored.outcome()).isEqualTo(Outcome.received());
    assertThat(stored.key()).isEqualTo(event.dedupeKey());
    assertThat(stored.deliveries()).isEqualTo(1);
    assertThat(stored.lastReceivedAt()).isEqualTo(AT);
    assertThat(inbox().inboxEntry(ws(), id("in-2"))).isEmpty();
  }

  @Test
  void aRedelivery_changesNothing_butIsCounted_andReportsTheFirstOutcome() {
    receive("in-1", event("ev-1", "{}"));
    inbox().park(ws(), id("in-1"), "no listing for SKU A-1");

    Delivered again = receive("in-2", event("orders/create", "ev-1", "{}", AT.plusSeconds(60)));

    assertThat(again.arrival()).isEqualTo(Arrival.REDELIVERY);
    assertThat(again.entry().id()).isEqualTo(id("in-1"));
    assertThat(again.entry().outcome()).isEqualTo(Outcome.parked("no listing for SKU A-1"));
    InboxEntry stored = inbox().inboxEntry(ws(), id("in-1")).orElseThrow();
    assertThat(stored.deliveries()).isEqualTo(2);
    assertThat(stored.lastReceivedAt()).isEqualTo(AT.plusSeconds(60));
    assertThat(stored.event().deliveryId()).as("the event as first received").contains("wh-" + AT.toEpochMilli());
    assertThat(inbox().inboxEntry(ws(), id("in-2"))).isEmpty();

    receive("in-3", event("orders/create", "ev-1", "{}", AT.minusSeconds(60)));
    assertThat(inbox().inboxEntry(ws(), id("in-1")).orElseThrow())
        .as("an older delivery counts, and leaves the latest time").extracting(InboxEntry::deliveries,
            InboxEntry::lastReceivedAt).containsExactly(3, AT.plusSeconds(60));
  }

  @Test
  void sameKey_differentBody_isRecordedAsAConflict_neverCollapsed() {
    receive("in-1", event("ev-1", "{\"total\":10}"));
    Delivered conflict = receive("in-2", event("ev-1", "{\"total\":99}"));
    Delivered conflictAgain = receive("in-3", event("ev-1", "{\"total\":99}"));
    Delivered third = receive("in-4", event("ev-1", "{\"total\":7}"));

    assertThat(conflict.arrival()).isEqualTo(Arrival.CONFLICT);
    assertThat(inbox().inboxEntry(ws(), id("in-2")).orElseThrow().outcome()).isEqualTo(Outcome.conflict(id("in-1")));
    assertThat(conflictAgain.arrival()).isEqualTo(Arrival.REDELIVERY);
    assertThat(conflictAgain.entry().id()).isEqualTo(id("in-2"));
    assertThat(third.entry().outcome()).isEqualTo(Outcome.conflict(id("in-1")));
    assertThat(inbox().inboxEntry(ws(), id("in-1")).orElseThrow().state()).isEqualTo(InboxState.RECEIVED);
    assertThat(inbox().inboxEntries(ws(), InboxState.CONFLICT, 0, 10)).extracting(InboxEntry::id)
        .containsExactlyInAnyOrder(id("in-2"), id("in-4"));
    RejectionException refused = catchThrowableOfType(
        () -> inbox().markApplied(ws(), id("in-2"), List.of()), RejectionException.class);
    assertThat(refused.code()).isEqualTo(RejectionCode.ILLEGAL_INBOX_TRANSITION);
  }

  @Test
  void sameEventIdOnAnotherTopic_isAnotherEntry() {
    receive("in-1", event("orders/updated", "ev-1", "{}", AT));
    Delivered other = receive("in-2", event("orders/paid", "ev-1", "{}", AT));

    assertThat(other.arrival()).isEqualTo(Arrival.FIRST);
    assertThat(inbox().inboxEntries(ws(), InboxState.RECEIVED, 0, 10)).hasSize(2);
  }

  @Test
  void transitions_followTheTable_andAnIllegalOneChangesNothing() {
    receive("in-1", event("ev-1", "{}"));
    assertThat(inbox().hold(ws(), id("in-1"), "order shopify/5001").outcome()).isEqualTo(Outcome.held("order shopify/5001"));
    assertThat(inbox().fail(ws(), id("in-1"), "mapper threw").state()).isEqualTo(InboxState.FAILED);
    List<EventId> events = List.of(EventId.of("e-1"), EventId.of("e-2"));
    InboxEntry applied = inbox().markApplied(ws(), id("in-1"), events);

    assertThat(inbox().inboxEntry(ws(), id("in-1"))).contains(applied);
    assertThat(applied.outcome().events()).isEqualTo(events);
    for (Outcome illegal : List.of(Outcome.parked("late"), Outcome.ignored("x"), Outcome.failed("x"),
        Outcome.applied(List.of()), Outcome.received())) {
      RejectionException e = catchThrowableOfType(() -> inbox().settle(ws(), id("in-1"), illegal),
          RejectionException.class);
      assertThat(e.code()).as("APPLIED -> %s", illegal.state()).isEqualTo(RejectionCode.ILLEGAL_INBOX_TRANSITION);
    }
    assertThat(inbox().inboxEntry(ws(), id("in-1"))).contains(applied);

    receive("in-2", event("ev-2", "{}"));
    assertThat(inbox().ignore(ws(), id("in-2"), "topic not used").outcome().detail()).contains("topic not used");
    receive("in-3", event("ev-3", "{}"));
    assertThat(inbox().markDuplicate(ws(), id("in-3"), "same sale as ev-1").state()).isEqualTo(InboxState.DUPLICATE);
    RejectionException unknown = catchThrowableOfType(() -> inbox().park(ws(), id("nope"), "x"),
        RejectionException.class);
    assertThat(unknown.code()).isEqualTo(RejectionCode.UNKNOWN_INBOX_ENTRY);
  }

  @Test
  void listingByState_isNewestFirst_paged() {
    for (int i = 1; i <= 5; i++) {
      receive("in-" + i, event("orders/create", "ev-" + i, "{}", AT.plusSeconds(i % 3)));
      inbox().park(ws(), id("in-" + i), "no listing " + i);
    }
    receive("in-6", event("ev-6", "{}"));

    // received at +1, +2, +0, +1, +2: newest first, the later-made first among equal times
    assertThat(inbox().inboxEntries(ws(), InboxState.PARKED, 0, 10)).extracting(e -> e.id().value())
        .containsExactly("in-5", "in-2", "in-4", "in-1", "in-3");
    assertThat(inbox().inboxEntries(ws(), InboxState.PARKED, 1, 2)).extracting(e -> e.id().value())
        .containsExactly("in-2", "in-4");
    assertThat(inbox().inboxEntries(ws(), InboxState.PARKED, 5, 2)).isEmpty();
    assertThat(inbox().inboxEntries(ws(), InboxState.HELD, 0, 10)).isEmpty();
    assertThat(inbox().inboxEntries(ws(), InboxState.RECEIVED, 0, 10)).extracting(e -> e.id().value())
        .containsExactly("in-6");
    assertThat(catchThrowableOfType(() -> inbox().inboxEntries(ws(), InboxState.PARKED, 0, InboxStore.MAX_PAGE + 1),
        RejectionException.class).field()).isEqualTo("limit");
  }

  @Test
  void workspaces_neverSeeEachOthersEntries() {
    receive("in-1", event("ev-1", "{}"));
    Delivered there = inbox().receive(otherWs(), id("in-1"), event("ev-1", "{\"other\":true}"));

    assertThat(there.arrival()).as("same key and id in another workspace").isEqualTo(Arrival.FIRST);
    inbox().park(otherWs(), id("in-1"), "elsewhere");
    assertThat(inbox().inboxEntry(ws(), id("in-1")).orElseThrow().state()).isEqualTo(InboxState.RECEIVED);
    assertThat(inbox().inboxEntries(ws(), InboxState.PARKED, 0, 10)).isEmpty();
    assertThat(inbox().inboxEntries(otherWs(), InboxState.PARKED, 0, 10)).hasSize(1);
  }

  @Test
  void aTakenId_forANewKey_isRefused_andNothingIsStored() {
    receive("in-1", event("ev-1", "{}"));

    assertThat(catchThrowableOfType(() -> receive("in-1", event("ev-2", "{}")), IllegalArgumentException.class))
        .isNotNull();
    assertThat(inbox().inboxEntries(ws(), InboxState.RECEIVED, 0, 10)).hasSize(1);
    assertThat(inbox().inboxEntry(ws(), id("in-1")).orElseThrow().event().providerEventId()).isEqualTo("ev-1");
  }

  @Test
  void aMissingEventOrId_isATypedRefusal_andNothingIsStored() {
    InboxStore inbox = inbox();
    RejectionException noEvent = catchThrowableOfType(() -> inbox.receive(ws(), id("in-1"), null),
        RejectionException.class);
    RejectionException noId = catchThrowableOfType(() -> inbox.receive(ws(), null, event("ev-1", "{}")),
        RejectionException.class);

    assertThat(noEvent.code()).isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(noEvent.field()).isEqualTo("event");
    assertThat(noId.field()).isEqualTo("id");
    assertThat(inbox().inboxEntry(ws(), id("in-1"))).isEmpty();
    assertThat(inbox().inboxEntries(ws(), InboxState.RECEIVED, 0, 10)).isEmpty();
  }

  @Test
  void eightThreads_receivingOneDeliveryAtOnce_makeOneEntry_andCountEveryDelivery() throws Exception {
    raceOneDelivery(List.of(inbox()), ws());
  }

  /**
   * 8 writers, spread over the given stores (of one database), receive one delivery 5 times each at once:
   * exactly one entry, every other delivery a redelivery of it, none refused.
   */
  public static void raceOneDelivery(List<InboxStore> stores, WorkspaceId ws) throws Exception {
    ProviderEvent event = event("race-1", "{\"race\":1}");
    List<Delivered> all = race(stores, ws, java.util.Collections.nCopies(THREADS * 5, event));

    assertThat(all).filteredOn(d -> d.arrival() == Arrival.FIRST).hasSize(1);
    assertThat(all).extracting(d -> d.entry().id()).containsOnly(all.stream()
        .filter(d -> d.arrival() == Arrival.FIRST).findFirst().orElseThrow().entry().id());
    List<InboxEntry> entries = stores.get(0).inboxEntries(ws, InboxState.RECEIVED, 0, 10);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).deliveries()).isEqualTo(THREADS * 5);
  }

  /**
   * {@code events} distinct deliveries, each delivered {@code each} times, shuffled (by {@code seed}) across 8
   * writers spread over the given stores: exactly one entry per event, each with every delivery counted,
   * none refused.
   */
  public static void raceManyDeliveries(List<InboxStore> stores, WorkspaceId ws, int events, int each, long seed)
      throws Exception {
    List<ProviderEvent> deliveries = new ArrayList<>();
    for (int e = 0; e < events; e++) {
      for (int d = 0; d < each; d++) {
        deliveries.add(event("orders/create", "many-" + e, "{\"order\":" + e + "}", AT.plusSeconds(d)));
      }
    }
    java.util.Collections.shuffle(deliveries, new java.util.Random(seed));
    List<Delivered> all = race(stores, ws, deliveries);

    assertThat(all).as("seed %d", seed).filteredOn(d -> d.arrival() == Arrival.FIRST).hasSize(events);
    assertThat(all).as("seed %d", seed).filteredOn(d -> d.arrival() == Arrival.CONFLICT).isEmpty();
    List<InboxEntry> entries = new ArrayList<>();
    for (int offset = 0; offset < events; offset += InboxStore.MAX_PAGE) {
      entries.addAll(stores.get(0).inboxEntries(ws, InboxState.RECEIVED, offset, InboxStore.MAX_PAGE));
    }
    assertThat(entries).as("seed %d", seed).hasSize(events).allSatisfy(entry ->
        assertThat(entry.deliveries()).as("%s, seed %d", entry.key(), seed).isEqualTo(each));
    assertThat(entries).extracting(entry -> entry.event().providerEventId()).doesNotHaveDuplicates();
  }

  private static final int THREADS = 8;

  /** The deliveries received by 8 threads at once, thread t taking every 8th from t, on store t % stores. */
  private static List<Delivered> race(List<InboxStore> stores, WorkspaceId ws, List<ProviderEvent> deliveries)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Delivered>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      InboxStore store = stores.get(t % stores.size());
      int thread = t;
      results.add(pool.submit(() -> {
        start.await();
        List<Delivered> got = new ArrayList<>();
        for (int i = thread; i < deliveries.size(); i += THREADS) {
          got.add(store.receive(ws, InboxEntryId.of("race-" + i), deliveries.get(i)));
        }
        return got;
      }));
    }
    start.countDown();
    List<Delivered> all = new ArrayList<>();
    try {
      for (Future<List<Delivered>> f : results) {
        all.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    return all;
  }
}
