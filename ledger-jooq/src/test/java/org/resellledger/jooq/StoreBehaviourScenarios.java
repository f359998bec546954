package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.Projector;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.jooq.support.SmallStory;
import org.resellledger.testkit.gen.Samples;

/**
 * What this store does beyond the shared contract: instants to the nanosecond, commits that only read a
 * stream, commits and id lookups larger than one SQL statement takes, the streaming rebuild, and the
 * round-trip guard.
 */
abstract class StoreBehaviourScenarios {
  protected final WorkspaceId ws = WorkspaceId.of("behaviour-" + UUID.randomUUID());

  /** The store under test, on a migrated database. */
  protected abstract JooqLedgerStore store();

  @Test
  void instantsWithNanoseconds_readBackExactly_andOrderTheOrders() {
    Instant now = Instant.parse("2026-03-01T12:00:00.123456789Z");
    Ledger ledger = Ledger.open(store(), ws, LedgerConfig.defaults()
        .withClock(Clock.fixed(now, ZoneOffset.UTC)).withIds(IdGenerator.sequential("n")));
    List<LedgerEvent> produced = new ArrayList<>(ledger.execute(new IntakeItem(Samples.details("NANO-1"), 3,
        ItemStatus.READY_TO_LIST, Samples.manual("ana"))).events());
    // placed 1 ns apart, the later one with the smaller id: orders() must put the earlier one first
    produced.addAll(ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("NANO-1"), 1, Samples.usd("5.00"))),
        Origin.manual("ana").at(now.plusNanos(2)))).events());
    produced.addAll(ledger.execute(new RecordLocalSale(List.of(SaleLine.of(Sku.of("NANO-1"), 1, Samples.usd("5.00"))),
        Origin.manual("ana").at(now.plusNanos(1)))).events());

    assertThat(store().events(ws)).containsExactlyElementsOf(produced);
    assertThat(store().orders(ws)).extracting(Order::placedAt).containsExactly(now.plusNanos(1), now.plusNanos(2));
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void aStreamTheCommitOnlyRead_refusesTheCommitWhenItMoved_andAllowsItWhenNot() {
    store().commit(intake("ev-1", "it-a", "A-1"));
    Commit stale = withReadOnly(intake("ev-2", "it-b", "B-1"), StreamId.of(ItemId.of("it-a")), 0L);

    assertThatThrownBy(() -> store().commit(stale)).isInstanceOf(ConcurrencyException.class)
        .hasMessageContaining("item:it-a");
    assertThat(store().item(ws, ItemId.of("it-b"))).isEmpty();

    store().commit(withReadOnly(intake("ev-2", "it-b", "B-1"), StreamId.of(ItemId.of("it-a")), 1L));
    assertThat(store().item(ws, ItemId.of("it-b"))).isPresent();
    assertThat(store().stream(ws, StreamId.of(ItemId.of("it-a")))).hasSize(1);
  }

  @Test
  void aLockedAttempt_readsItsOwnCommit_writesWhenItReturns_andNothingWhenItThrows() {
    store().commit(intake("ev-1", "it-a", "A-1"));
    StreamId a = StreamId.of(ItemId.of("it-a"));

    String inside = store().locked(ws, List.of(a), () -> {
      store().commit(intake("ev-2", "it-b", "B-1"));
      return store().item(ws, ItemId.of("it-b")).map(i -> i.sku().value()).orElse("not seen");
    });
    assertThat(inside).as("the attempt's reads run in its transaction").isEqualTo("B-1");
    assertThat(store().item(ws, ItemId.of("it-b"))).isPresent();

    IllegalStateException boom = new IllegalStateException("the attempt failed");
    assertThatThrownBy(() -> store().locked(ws, List.of(a, StreamId.of(ItemId.of("it-b"))), () -> {
      store().commit(intake("ev-3", "it-c", "C-1"));
      throw boom;
    })).isSameAs(boom);
    assertThat(store().item(ws, ItemId.of("it-c"))).isEmpty();
    assertThat(store().events(ws)).hasSize(2);
    // a stream without a row locks nothing, and the store is usable after both
    store().locked(ws, List.of(StreamId.of(ItemId.of("it-none"))), () -> {
      store().commit(intake("ev-3", "it-c", "C-1"));
      return null;
    });
    assertThat(store().item(ws, ItemId.of("it-c"))).isPresent();
  }

  @Test
  void aCommitOf1200Events_andALookupOf1200Ids_comeBackComplete_andInOrder() {
    List<Commit> intakes = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      intakes.add(intake("big-" + i, "it-" + i, "BIG-" + i));
    }
    Commit big = new Commit(ws, intakes.stream().flatMap(c -> c.expectedVersions().entrySet().stream())
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        intakes.stream().flatMap(c -> c.events().stream()).toList(),
        intakes.stream().flatMap(c -> c.items().stream()).toList(), List.of(), Optional.empty());

    store().commit(big);

    assertThat(store().events(ws)).containsExactlyElementsOf(big.events());
    List<EventId> reversed = new ArrayList<>(big.events().stream().map(LedgerEvent::id).toList());
    Collections.reverse(reversed);
    assertThat(store().events(ws, reversed)).extracting(LedgerEvent::id).containsExactlyElementsOf(reversed);
    assertThat(store().items(ws)).hasSize(1_200);
  }

  @Test
  void streamingRebuild_ofMoreStreamsThanOneBatch_writesBatchesWhileItReads_inOneTransaction() {
    for (int from = 0; from < 1_500; from += 500) {
      List<Commit> intakes = new ArrayList<>();
      for (int i = from; i < from + 500; i++) {
        intakes.add(intake("many-" + i, "it-m" + i, "MANY-" + i));
      }
      store().commit(new Commit(ws, intakes.stream().flatMap(c -> c.expectedVersions().entrySet().stream())
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          intakes.stream().flatMap(c -> c.events().stream()).toList(),
          intakes.stream().flatMap(c -> c.items().stream()).toList(), List.of(), Optional.empty()));
    }
    List<Item> items = store().items(ws);
    store().replaceProjections(ws, List.of(), List.of());

    JooqLedgerStore.RebuildSummary summary = store().rebuildProjections(ws);

    assertThat(summary).isEqualTo(new JooqLedgerStore.RebuildSummary(1_500, 1_500, 0));
    assertThat(store().items(ws)).hasSize(1_500).isEqualTo(items);
    assertThat(Ledger.open(store(), ws).replayMatchesProjections()).isTrue();
  }

  @Test
  void streamingRebuild_restoresTheProjections_thatReplayingGives() {
    Ledger ledger = Ledger.open(store(), ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("r")));
    SmallStory.run(ledger, 3);
    List<Item> items = store().items(ws);
    List<Order> orders = store().orders(ws);
    store().replaceProjections(ws, List.of(), List.of());

    JooqLedgerStore.RebuildSummary summary = store().rebuildProjections(ws);

    assertThat(store().items(ws)).isEqualTo(items).isEqualTo(ledger.replay().items());
    assertThat(store().orders(ws)).isEqualTo(orders).isEqualTo(ledger.replay().orders());
    assertThat(summary).isEqualTo(new JooqLedgerStore.RebuildSummary(store().events(ws).size(), 6, 3));
    Item listed = items.stream().filter(i -> !i.listings().isEmpty()).findFirst().orElseThrow();
    assertThat(store().itemIdOfListing(ws, listed.listings().keySet().iterator().next())).contains(listed.id());
  }

  // ---- items by SKU: one read each, as the ledger reads them before a command --------------------------

  @Test
  void itemBySku_isTheItemWithItsListings_inItsOwnWorkspaceOnly() {
    WorkspaceId other = WorkspaceId.of(ws.value() + "-other");
    Ledger mine = ledger(ws);
    Ledger theirs = ledger(other);
    mine.execute(Samples.intake("SAME-1", 3));
    mine.execute(new CreateListing(Sku.of("SAME-1"), Samples.richListing(Channel.EBAY, "204500000021"), SyncStatus.LIVE,
        Samples.manual("ana")));
    mine.execute(new CreateListing(Sku.of("SAME-1"), Samples.listing(Channel.ETSY, "7000000022", Samples.usd("9.00")),
        SyncStatus.DRAFT, Samples.manual("ana")));
    theirs.execute(Samples.intake("SAME-1", 1));

    Item read = store().itemBySku(ws, Sku.of("SAME-1")).orElseThrow();
    Item theirsRead = store().itemBySku(other, Sku.of("SAME-1")).orElseThrow();

    assertThat(read).isEqualTo(store().item(ws, read.id()).orElseThrow())
        .isEqualTo(Projector.replayItem(store().stream(ws, StreamId.of(read.id()))));
    assertThat(read.listings().values()).extracting(l -> l.details().externalId().orElseThrow())
        .containsExactly("204500000021", "7000000022");
    assertThat(theirsRead.id()).isNotEqualTo(read.id());
    assertThat(theirsRead.listings()).isEmpty();
    assertThat(store().itemBySku(ws, Sku.of("NOPE-1"))).isEmpty();
    assertThat(store().itemBySku(WorkspaceId.of(ws.value() + "-none"), Sku.of("SAME-1"))).isEmpty();
  }

  @Test
  void itemsBySku_areKeyedInTheOrderAsked_leaveOutUnknownSkus_andOtherWorkspaces() {
    WorkspaceId other = WorkspaceId.of(ws.value() + "-other");
    Ledger mine = ledger(ws);
    // more than one IN list holds (256), and sizes that are padded to the next list size
    List<Sku> asked = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      mine.execute(Samples.intake("MANY-" + i, 1));
      asked.add(Sku.of("MANY-" + i));
      asked.add(Sku.of("MISSING-" + i));
    }
    mine.execute(new CreateListing(Sku.of("MANY-7"), Samples.richListing(Channel.EBAY, "204500000007"), SyncStatus.LIVE,
        Samples.manual("ana")));
    ledger(other).execute(Samples.intake("THEIRS-1", 1));
    Collections.reverse(asked);
    asked.add(Sku.of("THEIRS-1"));
    asked.add(Sku.of("MANY-7"));

    Map<Sku, Item> found = store().itemsBySku(ws, asked);

    List<Sku> expected = asked.stream().filter(s -> s.value().startsWith("MANY-")).distinct().toList();
    assertThat(found.keySet()).containsExactlyElementsOf(expected);
    found.forEach((sku, item) -> assertThat(item.sku()).isEqualTo(sku));
    assertThat(found.get(Sku.of("MANY-7"))).isEqualTo(store().itemBySku(ws, Sku.of("MANY-7")).orElseThrow());
    assertThat(found.get(Sku.of("MANY-7")).listings()).hasSize(1);
    assertThat(store().itemsBySku(ws, List.of(Sku.of("MANY-3")))).containsOnlyKeys(Sku.of("MANY-3"));
    assertThat(store().itemsBySku(ws, List.of(Sku.of("MANY-3"), Sku.of("MANY-4"), Sku.of("NOPE"))))
        .containsOnlyKeys(Sku.of("MANY-3"), Sku.of("MANY-4"));
    assertThat(store().itemsBySku(ws, List.of())).isEmpty();
    assertThat(store().itemsBySku(other, asked)).containsOnlyKeys(Sku.of("THEIRS-1"));
  }

  /** The ledger refuses to change a SKU, but the store keys nothing on it: a commit that does is read back. */
  @Test
  void aRenamedSku_isFoundUnderItsNewSkuOnly() {
    store().commit(intake("ev-1", "it-r", "OLD-1"));
    Item before = store().itemBySku(ws, Sku.of("OLD-1")).orElseThrow();
    ItemDetails renamed = ItemDetails.builder().from(before.details()).sku(Sku.of("NEW-1")).build();
    LedgerEvent e = new LedgerEvent(ws, EventId.of("ev-2"), StreamId.of(before.id()), 2, Optional.of(before.id()),
        Optional.empty(), Optional.empty(), Optional.empty(), Source.MANUAL, Actor.person("test"), Samples.NOW,
        Samples.NOW, Optional.empty(), Optional.empty(), Optional.empty(),
        new ItemFact.ItemFieldsChanged(List.of(), renamed));

    store().commit(new Commit(ws, Map.of(StreamId.of(before.id()), 1L), List.of(e),
        List.of(Projector.apply(before, e)), List.of(), Optional.empty()));

    assertThat(store().itemBySku(ws, Sku.of("OLD-1"))).isEmpty();
    assertThat(store().itemBySku(ws, Sku.of("NEW-1"))).map(Item::id).contains(before.id());
    assertThat(store().itemsBySku(ws, List.of(Sku.of("OLD-1"), Sku.of("NEW-1")))).containsOnlyKeys(Sku.of("NEW-1"));
  }

  /**
   * A commit writes only the listing rows its events create or change; the others stay as stored. After
   * every kind of event, the stored item equals its stream replayed.
   */
  @Test
  void listings_readBackAsTheStreamSays_afterListingEvents_andAfterOtherEvents() {
    Ledger ledger = ledger(ws);
    Sku sku = Sku.of("LISTED-1");
    ledger.execute(Samples.intake(sku.value(), 5));
    ListingId ebay = ledger.execute(new CreateListing(sku, Samples.richListing(Channel.EBAY, "204500000011"),
        SyncStatus.LIVE, Samples.manual("ana"))).listingId().orElseThrow();
    assertStoredAsReplayed(sku);
    ListingId etsy = ledger.execute(new CreateListing(sku, Samples.listing(Channel.ETSY, "7000000011", Samples.usd("9.00")),
        SyncStatus.DRAFT, Samples.manual("ana"))).listingId().orElseThrow();
    assertStoredAsReplayed(sku);
    ledger.execute(new ChangeListing(ebay, ListingDetails.builder().from(Samples.richListing(Channel.EBAY, "204500000011"))
        .price(Samples.usd("31.00")).build(), Samples.manual("ana")));
    assertStoredAsReplayed(sku);
    ledger.execute(new ChangeListingStatus(etsy, SyncStatus.ERROR, Optional.of("rejected"), Samples.manual("ana")));
    assertStoredAsReplayed(sku);
    ledger.execute(new RecordLocalSale(List.of(SaleLine.of(sku, 1, Samples.usd("5.00"))), Origin.manual("ana")));
    ledger.execute(new HoldUnits(sku, 1, Origin.manual("ana").because("photos")));
    assertStoredAsReplayed(sku);
    // after a rebuild (listing rows written afresh), a change of the second listing keeps both in place
    store().rebuildProjections(ws);
    ledger.execute(new ChangeListingStatus(etsy, SyncStatus.LIVE, Optional.empty(), Samples.manual("ana")));

    Item item = assertStoredAsReplayed(sku);
    assertThat(item.listings().keySet()).containsExactly(ebay, etsy);
    assertThat(item.listings().get(ebay).details().price()).isEqualTo(Samples.usd("31.00"));
    assertThat(item.listings().get(etsy).status()).isEqualTo(SyncStatus.LIVE);
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  private Item assertStoredAsReplayed(Sku sku) {
    Item stored = store().itemBySku(ws, sku).orElseThrow();
    assertThat(stored).isEqualTo(Projector.replayItem(store().stream(ws, StreamId.of(stored.id()))))
        .isEqualTo(store().item(ws, stored.id()).orElseThrow());
    return stored;
  }

  private Ledger ledger(WorkspaceId workspace) {
    return Ledger.open(store(), workspace, LedgerConfig.defaults().withIds(IdGenerator.sequential(workspace.value())));
  }

  private Commit intake(String eventId, String itemId, String sku) {
    ItemId id = ItemId.of(itemId);
    LedgerEvent e = new LedgerEvent(ws, EventId.of(eventId), StreamId.of(id), 1, Optional.of(id), Optional.empty(),
        Optional.empty(), Optional.of(Movement.of(1, Bucket.SUPPLIER, Bucket.AVAILABLE)), Source.MANUAL,
        Actor.person("test"), Samples.NOW, Samples.NOW, Optional.empty(), Optional.empty(), Optional.empty(),
        new ItemFact.ItemAcquired(Samples.details(sku), 1, ItemStatus.READY_TO_LIST));
    return new Commit(ws, Map.of(StreamId.of(id), 0L), List.of(e), List.of(Projector.apply((Item) null, e)),
        List.of(), Optional.empty());
  }

  private static Commit withReadOnly(Commit c, StreamId read, long version) {
    Map<StreamId, Long> expected = new java.util.HashMap<>(c.expectedVersions());
    expected.put(read, version);
    return new Commit(c.workspace(), expected, c.events(), c.items(), c.orders(), c.receipt());
  }

  /**
   * The round-trip guard: a commit whose values this store would read back otherwise, or not at all, is
   * refused {@code INVALID_VALUE} before anything is written. The in-memory store keeps the values
   * themselves, so only a store that maps them to rows has these cases.
   */
  @Nested
  class RoundTripGuard {
    @BeforeEach
    void register() {
      StreamTypes.register(ProbeStream.TYPE);
    }

    private void refused(Commit commit, String why) {
      refused(commit, "PROBE_TEST state", why);
    }

    private void refused(Commit commit, String field, String why) {
      assertThatThrownBy(() -> store().commit(commit)).isInstanceOfSatisfying(RejectionException.class, e -> {
        assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.why()).contains(why);
      });
      assertThat(store().events(ws)).isEmpty();
      assertThat(store().state(ws, new StreamId(ProbeStream.KIND, "p-1"))).isEmpty();
    }

    @Test
    void aStateWhoseDocumentReadsBackOtherwise_isRefused_andNothingIsWritten() {
      // written as 1000, read back as 1000 at scale 0, which is not equal to 1E+3
      refused(ProbeStream.commit(ws, "p-1", new ProbeStream.Probe("p", new BigDecimal("1E+3"), null)),
          "reads back as");
    }

    @Test
    void aStateWhoseDocumentCannotBeReadBack_isRefused_andNothingIsWritten() {
      refused(ProbeStream.commit(ws, "p-1",
          new ProbeStream.Probe("p", BigDecimal.ONE, java.time.Instant.EPOCH)), "cannot be read back");
    }

    @Test
    void aStateWithAnUnpairedSurrogate_isRefused_andNothingIsWritten() {
      // PostgreSQL would store it as "?"
      refused(ProbeStream.commit(ws, "p-1", new ProbeStream.Probe("p\uD800", BigDecimal.ONE, null)),
          "unpaired surrogate U+D800");
    }

    @Test
    void aPayloadWithAnUnpairedSurrogate_isRefused_andNothingIsWritten() {
      // a payload built by hand, past core's checks at the door: PostgreSQL would store "?"
      refused(ProbeStream.commit(ws, "p-1", new ProbeStream.Probe("p", BigDecimal.ONE, null),
          new ItemFact.ItemConsigned("con\uDBFF")), "ItemConsigned payload", "unpaired surrogate U+DBFF");
    }

    @Test
    void aStateThatReadsBackEqual_isKept() {
      ProbeStream.Probe probe = new ProbeStream.Probe("p \uD83D\uDCE6", new BigDecimal("12.50"), null);

      store().commit(ProbeStream.commit(ws, "p-1", probe));

      assertThat(store().state(ws, new StreamId(ProbeStream.KIND, "p-1")).orElseThrow().state()).isEqualTo(probe);
    }
  }
}
