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
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command.IntakeItem;
import org.resellledger.core.command.Command.RecordLocalSale;
import org.resellledger.core.command.Command.SaleLine;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Projector;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.jooq.support.SmallStory;
import org.resellledger.testkit.gen.Samples;

/**
 * What this store does beyond the shared contract: instants to the nanosecond, commits that only read a
 * stream, commits and id lookups larger than one SQL statement takes, and the streaming rebuild.
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

  private Commit intake(String eventId, String itemId, String sku) {
    ItemId id = ItemId.of(itemId);
    LedgerEvent e = new LedgerEvent(ws, EventId.of(eventId), StreamId.of(id), 1, Optional.of(id), Optional.empty(),
        Optional.empty(), Optional.of(Movement.of(1, Bucket.SUPPLIER, Bucket.AVAILABLE)), Source.MANUAL,
        Actor.person("test"), Samples.NOW, Samples.NOW, Optional.empty(), Optional.empty(), Optional.empty(),
        new EventPayload.ItemAcquired(Samples.details(sku), 1, ItemStatus.READY_TO_LIST));
    return new Commit(ws, Map.of(StreamId.of(id), 0L), List.of(e), List.of(Projector.apply((Item) null, e)),
        List.of(), Optional.empty());
  }

  private static Commit withReadOnly(Commit c, StreamId read, long version) {
    Map<StreamId, Long> expected = new java.util.HashMap<>(c.expectedVersions());
    expected.put(read, version);
    return new Commit(c.workspace(), expected, c.events(), c.items(), c.orders(), c.receipt());
  }
}
