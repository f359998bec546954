package org.resellledger.samples.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Sandbox.Delivery;
import org.resellledger.samples.channels.shopify.ShopifyMapper;

/**
 * A Shopify order for a SKU the ledger does not know, through the real Shopify mapper: parked with its payload;
 * applied once when the listing appears or when a person matches it; a redelivery afterwards changes nothing.
 */
class ParkedThenMatchedTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "parked");
  private final InboxProcessor processor = shop.processor();

  private final Delivery order = Sandbox.shopify("orders/create", "ev-9001",
      Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(9001L, 44001L, "JKT-NEW", 1)));

  @Test
  void orderForAnUnknownSku_isParkedWithItsPayload_naming_theVariant() {
    InboxEntry entry = processor.process(shop.receive(order).id());

    assertThat(entry.state()).isEqualTo(InboxState.PARKED);
    assertThat(entry.outcome().detail().orElseThrow()).contains("shopify variant 44001", "JKT-NEW",
        "order shopify/9001");
    assertThat(entry.event().body()).isEqualTo(order.body());
    assertThat(store.inboxEntries(shop.workspace, InboxState.PARKED, 0, 10)).extracting(InboxEntry::id)
        .containsExactly(entry.id());
    assertThat(shop.ledger.orders()).isEmpty();
  }

  @Test
  void parkedOrder_isAppliedOnce_whenItsListingIsCreatedLater_andARedeliveryChangesNothing() {
    InboxEntry parked = processor.process(shop.receive(order).id());
    assertThat(parked.state()).isEqualTo(InboxState.PARKED);

    shop.stock("JKT-NEW", 3, Channel.SHOPIFY, "544001", "45.00"); // the listing of the line's product
    int applied = processor.processAll(100);
    int again = processor.processAll(100);
    InboxEntry redelivered = shop.receive(order);
    int afterRedelivery = processor.processAll(100);

    assertThat(applied).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(redelivered.id()).isEqualTo(parked.id());
    assertThat(redelivered.deliveries()).isEqualTo(2);
    assertThat(redelivered.state()).isEqualTo(InboxState.APPLIED);
    assertThat(afterRedelivery).isZero();
    assertThat(shop.ledger.orders()).hasSize(1);
    assertThat(shop.ledger.orders().get(0).externalOrderId()).contains("9001");
    assertThat(shop.ledger.item(org.resellledger.core.item.Sku.of("JKT-NEW")).orElseThrow().available())
        .isEqualTo(2);
  }

  @Test
  void parkedOrder_matchedByHand_toAListingWithAnotherId_isAppliedOnce_andLaterOrdersOfTheVariantMatchByThemselves() {
    InboxEntry parked = processor.process(shop.receive(order).id());
    ListingId listing = shop.stock("JKT-OLD", 3, Channel.SHOPIFY, "632910392", "45.00");

    InboxEntry matched = processor.matchByHand(parked.id(), listing, Actor.person("ana"));
    InboxEntry redelivered = shop.receive(order);
    processor.processAll(100);
    InboxEntry next = processor.process(shop.receive(Sandbox.shopify("orders/create", "ev-9002",
        Fixtures.json("shopify/order.json", Sandbox.shopifyOrder(9002L, 44001L, "JKT-NEW", 1)))).id());

    assertThat(matched.state()).isEqualTo(InboxState.APPLIED);
    assertThat(shop.links.linkOf(shop.workspace, ChannelRef.of(Channel.SHOPIFY, ShopifyMapper.VARIANT, "44001")))
        .hasValueSatisfying(l -> assertThat(l.listing()).isEqualTo(listing));
    assertThat(redelivered.id()).isEqualTo(parked.id());
    assertThat(redelivered.state()).isEqualTo(InboxState.APPLIED);
    assertThat(next.state()).isEqualTo(InboxState.APPLIED);
    assertThat(shop.ledger.orders()).hasSize(2);
    assertThat(shop.ledger.orders()).allSatisfy(o -> assertThat(o.lines().get(0).listing()).contains(listing));
    assertThat(shop.ledger.unitEvents(InboxProcessor.unit(matched)).orElseThrow())
        .isEqualTo(matched.outcome().events());
    assertThat(List.of(matched.outcome().events().size())).containsExactly(matched.outcome().events().size());
  }
}
