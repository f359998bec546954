package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxFixture;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.ListingCommand.RecordChannelObservation;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * Stored provider events through a channel's mapper into the ledger (issue #11): applied once, parked when
 * nothing matches and applied once when tried again after the match appears, held when early, never applied
 * when unsigned or unreadable. The mapper here reads a toy body ({@code sku=...;qty=...;order=...}); the
 * channel samples read the real ones.
 */
class InboxProcessorTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Fixture f = new Fixture(store, WorkspaceId.of("shop"));
  private int ids;

  /** Shopify's orders/create as a sale of the SKU; orders/cancelled of an unknown order is early. */
  private final ChannelMapper shopify = new ChannelMapper() {
    @Override
    public Channel channel() {
      return Channel.SHOPIFY;
    }

    @Override
    public Mapping map(ProviderEvent event, ChannelLookup lookup) {
      Ledger ledger = lookup.ledger();
      Map<String, String> body = new HashMap<>();
      for (String part : new String(event.body(), StandardCharsets.UTF_8).split(";")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("not key=value: " + part);
        }
        body.put(kv[0], kv[1]);
      }
      Origin origin = lookup.origin();
      switch (event.topic()) {
        case "orders/create": {
          Sku sku;
          if (!body.containsKey("variant")) {
            sku = Sku.of(body.get("sku"));
          } else {
            ChannelRef variant = ChannelRef.of(Channel.SHOPIFY, "variant", body.get("variant"));
            java.util.Optional<org.resellledger.core.listing.Listing> listed = lookup.listing(variant);
            if (listed.isEmpty()) {
              return new Mapping.Unmatched("no listing for " + variant, List.of(variant));
            }
            sku = lookup.itemOf(listed.get()).sku();
          }
          if (ledger.item(sku).isEmpty()) {
            return new Mapping.Unmatched("no item with SKU " + sku);
          }
          return Mapping.Apply.of(Fixture.channelSale(Channel.SHOPIFY, body.get("order"), sku.value(),
              Integer.parseInt(body.get("qty")), origin));
        }
        case "orders/cancelled": {
          java.util.Optional<org.resellledger.core.order.Order> sold = ledger.orders().stream()
              .filter(o -> o.externalOrderId().equals(java.util.Optional.of(body.get("order")))).findFirst();
          return sold.<Mapping>map(o -> Mapping.Apply.of(new org.resellledger.core.order.OrderCommand.CancelOrder(
              o.id(), origin))).orElseGet(() -> new Mapping.Early("the sale of order " + body.get("order")));
        }
        case "inventory_levels/update": {
          ChannelRef level = ChannelRef.of(Channel.SHOPIFY, "inventory_item", body.get("item"));
          return lookup.listing(level).<Mapping>map(l -> Mapping.Apply.of(new RecordChannelObservation(l.id(),
                  ChannelObservation.quantity(java.time.Instant.parse(body.get("at")),
                      Integer.parseInt(body.get("available"))), origin)))
              .orElseGet(() -> new Mapping.Unmatched("no listing for " + level, List.of(level)));
        }
        default:
          return new Mapping.Ignore("topic " + event.topic() + " is not used by the ledger");
      }
    }
  };

  private final InboxProcessor processor = InboxProcessor.of(f.ledger, store, store, List.of(shopify));

  private InboxEntryId receive(ProviderEvent event) {
    return store.receive(f.ledger.workspace(), InboxEntryId.of("in-" + (++ids)), event).entry().id();
  }

  @Test
  void aSaleForAKnownItem_isApplied_once_whateverTheRedeliveriesAndRetries() {
    f.intake("A-1", 2);
    ProviderEvent sale = InboxFixture.shopify("orders/create", "ev-1", "sku=A-1;qty=1;order=1001");
    InboxEntryId id = receive(sale);

    InboxEntry applied = processor.process(id);
    receive(sale); // a redelivery: the same entry
    InboxEntry again = processor.process(id);

    assertThat(applied.state()).isEqualTo(InboxState.APPLIED);
    assertThat(applied.outcome().events()).isNotEmpty();
    assertThat(again).isEqualTo(store.inboxEntry(f.ledger.workspace(), id).orElseThrow());
    assertThat(again.state()).isEqualTo(InboxState.APPLIED);
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(f.ledger.orders()).hasSize(1);
  }

  @Test
  void aSaleForAnUnknownSku_isParkedWithItsReason_andAppliedOnceWhenTriedAfterTheItemArrives() {
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-2", "sku=B-1;qty=1;order=1002"));

    InboxEntry parked = processor.process(id);
    assertThat(parked.state()).isEqualTo(InboxState.PARKED);
    assertThat(parked.outcome().detail()).contains("no item with SKU B-1");
    assertThat(f.ledger.orders()).isEmpty();

    f.intake("B-1", 1);
    InboxEntry applied = processor.process(id);
    InboxEntry twice = processor.process(id);

    assertThat(applied.state()).isEqualTo(InboxState.APPLIED);
    assertThat(twice.state()).isEqualTo(InboxState.APPLIED);
    assertThat(f.ledger.orders()).hasSize(1);
    assertThat(f.item("B-1").available()).isZero();
  }

  @Test
  void earlyIgnoredUnsignedUnmappedAndUnreadableEvents_areNeverApplied_eachSayingWhy() {
    f.intake("A-1", 1);
    InboxEntryId early = receive(InboxFixture.shopify("orders/cancelled", "ev-3", "order=1003"));
    InboxEntryId topic = receive(InboxFixture.shopify("products/update", "ev-4", "sku=A-1"));
    InboxEntryId unsigned = receive(InboxFixture.shopifyBuilder("orders/create", "ev-5", "sku=A-1;qty=1;order=5")
        .signature(SignatureVerdict.UNVERIFIED).build());
    InboxEntryId unreadable = receive(InboxFixture.shopify("orders/create", "ev-6", "{\"not\": \"ours\"}"));
    InboxEntryId etsy = receive(InboxFixture.shopifyBuilder("receipt", "ev-7", "sku=A-1").provider(Channel.ETSY)
        .build());

    assertThat(processor.process(early).outcome()).satisfies(o -> {
      assertThat(o.state()).isEqualTo(InboxState.HELD);
      assertThat(o.detail()).contains("the sale of order 1003");
    });
    assertThat(processor.process(topic).outcome().state()).isEqualTo(InboxState.IGNORED);
    assertThat(processor.process(unsigned).outcome()).satisfies(o -> {
      assertThat(o.state()).isEqualTo(InboxState.IGNORED);
      assertThat(o.detail().orElseThrow()).contains("signature did not verify");
    });
    assertThat(processor.process(unreadable).outcome()).satisfies(o -> {
      assertThat(o.state()).isEqualTo(InboxState.FAILED);
      assertThat(o.detail().orElseThrow()).contains("mapper failed").contains("not key=value");
    });
    assertThat(processor.process(etsy).outcome().detail().orElseThrow()).contains("no mapper for channel");
    assertThat(f.ledger.orders()).isEmpty();
    assertThat(f.item("A-1").available()).isEqualTo(1);
  }

  @Test
  void aCommandCarryingAProviderEventIdOfItsOwn_fails_theEntryIsTheUnitOfIdempotency() {
    f.intake("A-1", 1);
    ChannelMapper careless = new ChannelMapper() {
      @Override
      public Channel channel() {
        return Channel.SHOPIFY;
      }

      @Override
      public Mapping map(ProviderEvent event, ChannelLookup lookup) {
        return Mapping.Apply.of(Fixture.channelSale(Channel.SHOPIFY, "1009", "A-1", 1,
            Origin.webhook("shopify", event.providerEventId(), InboxFixture.AT)));
      }
    };
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-9", "sku=A-1;qty=1;order=1009"));

    InboxEntry entry = InboxProcessor.of(f.ledger, store, store, List.of(careless)).process(id);

    assertThat(entry.state()).isEqualTo(InboxState.FAILED);
    assertThat(entry.outcome().detail().orElseThrow()).contains("origin.provider");
    assertThat(f.ledger.orders()).isEmpty();
  }

  @Test
  void processAll_takesEveryWaitingEntry_once() {
    f.intake("A-1", 3);
    receive(InboxFixture.shopify("orders/create", "ev-10", "sku=A-1;qty=1;order=1010"));
    receive(InboxFixture.shopify("orders/create", "ev-11", "sku=A-1;qty=1;order=1011"));

    assertThat(processor.processAll(100)).isEqualTo(2);
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(processor.processAll(100)).isZero();
    assertThat(store.inboxEntries(f.ledger.workspace(), InboxState.APPLIED, 0, 10)).hasSize(2);
  }

  /** Delivery order does not change the end: a cancellation before its sale, a sale before its item. */
  @Test
  void processAll_appliesWhatArrivedEarlyOnceItsPrerequisiteIsIn_inAnyDeliveryOrder() {
    receive(InboxFixture.shopify("orders/cancelled", "ev-21", "order=2001"));
    receive(InboxFixture.shopify("orders/create", "ev-20", "sku=C-1;qty=1;order=2001"));

    assertThat(processor.processAll(100)).isZero(); // the sale is parked (no item), the cancellation held
    f.intake("C-1", 1);
    int applied = processor.processAll(100);

    assertThat(applied).isEqualTo(2);
    assertThat(f.ledger.orders()).singleElement().satisfies(o ->
        assertThat(o.status()).isEqualTo(org.resellledger.core.order.OrderStatus.CANCELLED));
    assertThat(f.item("C-1").available()).isEqualTo(1);
    assertThat(processor.processAll(100)).isZero();
  }

  @Test
  void everyEventMappedFromAnEntry_namesTheEntryAsItsCause_andTheEntryNamesTheEvents() {
    f.intake("A-1", 2);
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-30", "sku=A-1;qty=1;order=3001"));

    InboxEntry applied = processor.process(id);

    assertThat(applied.outcome().events()).isNotEmpty();
    assertThat(f.ledger.events()).filteredOn(e -> applied.outcome().events().contains(e.id()))
        .hasSameSizeAs(applied.outcome().events())
        .allSatisfy(e -> assertThat(e.causation()).hasValue(InboxProcessor.causation(id)));
  }

  /** Killed between the ledger's commit and the entry's: processing again applies nothing and keeps the events. */
  @Test
  void anEntryWhoseUnitCommittedButWasNotMarked_isMarkedAppliedWithTheUnitsEvents_notAppliedAgain() {
    f.intake("A-1", 2);
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-31", "sku=A-1;qty=1;order=3101"));
    InboxEntry entry = store.inboxEntry(f.ledger.workspace(), id).orElseThrow();
    var committed = f.ledger.executeAllOnce(InboxProcessor.unit(entry), List.of(Fixture.channelSale(Channel.SHOPIFY,
        "3101", "A-1", 1, Fixture.ANA)));

    InboxEntry applied = processor.process(id);

    assertThat(applied.state()).isEqualTo(InboxState.APPLIED);
    assertThat(applied.outcome().events()).containsExactlyElementsOf(
        committed.get(0).events().stream().map(e -> e.id()).toList());
    assertThat(f.item("A-1").available()).isEqualTo(1);
  }

  @Test
  void aSaleOfAnUnlinkedVariant_isParked_andLinkingTheVariant_appliesItOnce_andLaterSalesMatchByThemselves() {
    f.intake("V-1", 3);
    ListingId listing = f.list("V-1", Channel.SHOPIFY, SyncStatus.DRAFT);
    InboxEntryId first = receive(InboxFixture.shopify("orders/create", "ev-40", "qty=1;order=4001;variant=77"));
    assertThat(processor.process(first).outcome().detail()).contains("no listing for shopify variant 77");

    processor.link(ChannelRef.of(Channel.SHOPIFY, "variant", "77"), listing, org.resellledger.core.ledger.Actor.person("ana"));
    receive(InboxFixture.shopify("orders/create", "ev-40", "qty=1;order=4001;variant=77")); // redelivered
    InboxEntryId second = receive(InboxFixture.shopify("orders/create", "ev-41", "qty=1;order=4002;variant=77"));
    processor.processAll(100);

    assertThat(store.inboxEntry(f.ledger.workspace(), first).orElseThrow().state()).isEqualTo(InboxState.APPLIED);
    assertThat(store.inboxEntry(f.ledger.workspace(), second).orElseThrow().state()).isEqualTo(InboxState.APPLIED);
    assertThat(f.ledger.orders()).hasSize(2);
    assertThat(f.item("V-1").available()).isEqualTo(1);
    assertThat(store.linksTo(f.ledger.workspace(), listing)).singleElement()
        .satisfies(l -> assertThat(l.linkedBy().name()).isEqualTo("ana"));
  }

  @Test
  void aParkedEntry_matchedByHandToAListing_isAppliedOnce_andARedeliveryAfterwardsChangesNothing() {
    f.intake("M-1", 2);
    ListingId listing = f.list("M-1", Channel.SHOPIFY, SyncStatus.DRAFT);
    ProviderEvent sale = InboxFixture.shopify("orders/create", "ev-50", "qty=1;order=5001;variant=88");
    InboxEntryId id = receive(sale);
    processor.processAll(100);

    InboxEntry matched = processor.matchByHand(id, listing, org.resellledger.core.ledger.Actor.person("ana"));
    receive(sale);
    processor.processAll(100);

    assertThat(matched.state()).isEqualTo(InboxState.APPLIED);
    assertThat(store.inboxEntry(f.ledger.workspace(), id).orElseThrow().deliveries()).isEqualTo(2);
    assertThat(f.ledger.orders()).hasSize(1);
    assertThat(f.item("M-1").available()).isEqualTo(1);
    RejectionException again = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> processor.matchByHand(id, listing, org.resellledger.core.ledger.Actor.person("ana")));
    assertThat(again.code()).isEqualTo(RejectionCode.NOT_MATCHABLE);
  }

  @Test
  void matchingByHand_isAPersonsAct_andAChannelIdStandsForOneListing() {
    f.intake("M-2", 2);
    ListingId one = f.list("M-2", Channel.SHOPIFY, SyncStatus.DRAFT);
    ListingId other = f.list("M-2", Channel.SHOPIFY, SyncStatus.DRAFT);
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-51", "qty=1;order=5101;variant=99"));
    processor.processAll(100);

    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> processor.matchByHand(id, one, org.resellledger.core.ledger.Actor.agent("helper"))).code())
        .isEqualTo(RejectionCode.INVALID_VALUE);
    processor.link(ChannelRef.of(Channel.SHOPIFY, "variant", "99"), one, org.resellledger.core.ledger.Actor.person("ana"));
    RejectionException taken = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> processor.link(ChannelRef.of(Channel.SHOPIFY, "variant", "99"), other,
            org.resellledger.core.ledger.Actor.person("ana")));

    assertThat(taken.code()).isEqualTo(RejectionCode.CHANNEL_ID_TAKEN);
    assertThat(store.linkOf(f.ledger.workspace(), ChannelRef.of(Channel.SHOPIFY, "variant", "99")).orElseThrow()
        .listing()).isEqualTo(one);
    assertThat(f.ledger.orders()).hasSize(1);
  }

  /** An older inventory level never overwrites a newer one, whichever arrives first; the local listing stays. */
  @Test
  void inventoryLevels_recordTheChannelsQuantity_newestWins_inEitherOrder_andTheDiscrepancyIsKept() {
    f.intake("Q-1", 3);
    ListingId listing = f.list("Q-1", Channel.SHOPIFY, SyncStatus.DRAFT);
    processor.link(ChannelRef.of(Channel.SHOPIFY, "inventory_item", "501"), listing,
        org.resellledger.core.ledger.Actor.person("ana"));
    receive(InboxFixture.shopify("inventory_levels/update", "ev-61", "item=501;available=4;at=2026-03-01T11:00:00Z"));
    receive(InboxFixture.shopify("inventory_levels/update", "ev-60", "item=501;available=2;at=2026-03-01T10:00:00Z"));

    processor.processAll(100);

    var l = f.ledger.listing(listing).orElseThrow();
    assertThat(l.details().listedQuantity()).isEqualTo(1);
    assertThat(l.channel().quantity().orElseThrow().value()).isEqualTo(4);
    assertThat(l.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("listedQuantity");
      assertThat(d.local()).isEqualTo("1");
      assertThat(d.channel()).isEqualTo("4");
    });
    assertThat(store.inboxEntries(f.ledger.workspace(), InboxState.APPLIED, 0, 10)).hasSize(2);
  }

  @Test
  void processAll_goesOnPastAFullPageOfEntriesThatAllPark() {
    f.intake("A-1", 1);
    for (int n = 0; n < 5; n++) {
      receive(InboxFixture.shopify("orders/create", "ev-7" + n, "sku=NONE-" + n + ";qty=1;order=70" + n));
    }
    receive(InboxFixture.shopify("orders/create", "ev-79", "sku=A-1;qty=1;order=709"));

    assertThat(processor.processAll(2)).isEqualTo(1);
    assertThat(store.inboxEntries(f.ledger.workspace(), InboxState.RECEIVED, 0, 10)).isEmpty();
    assertThat(store.inboxEntries(f.ledger.workspace(), InboxState.PARKED, 0, 10)).hasSize(5);
  }
}
