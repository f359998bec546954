package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelMapper;
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
    public Mapping map(ProviderEvent event, Ledger ledger) {
      Map<String, String> body = new HashMap<>();
      for (String part : new String(event.body(), StandardCharsets.UTF_8).split(";")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("not key=value: " + part);
        }
        body.put(kv[0], kv[1]);
      }
      Origin origin = Origin.webhook("shopify", event.providerEventId(), InboxFixture.AT);
      switch (event.topic()) {
        case "orders/create": {
          Sku sku = Sku.of(body.get("sku"));
          if (ledger.item(sku).isEmpty()) {
            return new Mapping.Unmatched("no item with SKU " + sku);
          }
          return new Mapping.Apply(Fixture.channelSale(Channel.SHOPIFY, body.get("order"), sku.value(),
              Integer.parseInt(body.get("qty")), origin));
        }
        case "orders/cancelled": {
          java.util.Optional<org.resellledger.core.order.Order> sold = ledger.orders().stream()
              .filter(o -> o.externalOrderId().equals(java.util.Optional.of(body.get("order")))).findFirst();
          return sold.<Mapping>map(o -> new Mapping.Apply(new org.resellledger.core.order.OrderCommand.CancelOrder(
              o.id(), origin))).orElseGet(() -> new Mapping.Early("the sale of order " + body.get("order")));
        }
        default:
          return new Mapping.Ignore("topic " + event.topic() + " is not used by the ledger");
      }
    }
  };

  private final InboxProcessor processor = InboxProcessor.of(f.ledger, store, List.of(shopify));

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
  void aCommandWithoutTheEventsProviderId_fails_becauseItWouldNotBeIdempotent() {
    f.intake("A-1", 1);
    ChannelMapper careless = new ChannelMapper() {
      @Override
      public Channel channel() {
        return Channel.SHOPIFY;
      }

      @Override
      public Mapping map(ProviderEvent event, Ledger ledger) {
        return new Mapping.Apply(Fixture.channelSale(Channel.SHOPIFY, "1009", "A-1", 1, Fixture.ANA));
      }
    };
    InboxEntryId id = receive(InboxFixture.shopify("orders/create", "ev-9", "sku=A-1;qty=1;order=1009"));

    InboxEntry entry = InboxProcessor.of(f.ledger, store, List.of(careless)).process(id);

    assertThat(entry.state()).isEqualTo(InboxState.FAILED);
    assertThat(entry.outcome().detail().orElseThrow()).contains("no provider event id");
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
}
