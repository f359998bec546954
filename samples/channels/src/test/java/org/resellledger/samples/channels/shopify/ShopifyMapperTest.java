package org.resellledger.samples.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Fixtures;
import org.resellledger.samples.channels.Sandbox;

/** Shopify's topics in the ledger's words: levels through the channel-id map, products as observations, order states. */
class ShopifyMapperTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "shopify");
  private final InboxProcessor processor = shop.processor();

  private InboxEntry deliver(String topic, String eventId, String fixture, Map<String, ?> values) {
    return processor.process(shop.receive(Sandbox.shopify(topic, eventId, Fixtures.json(fixture, values))).id());
  }

  private Listing listing(ListingId id) {
    return shop.ledger.listing(id).orElseThrow();
  }

  @Test
  void inventoryLevel_carriesNoSku_isParkedUntilItsInventoryItemIsLinked_thenRecordedAsTheChannelsQuantity() {
    ListingId listing = shop.stock("LVL-1", 3, Channel.SHOPIFY, "632910001", "45.00");

    InboxEntry parked = deliver("inventory_levels/update", "lv-1", "shopify/inventory_level.json",
        Map.of("inventory_item_id", 808950810L, "available", 7, "updated_at", "2026-03-01T07:00:00-05:00"));
    processor.link(ChannelRef.of(Channel.SHOPIFY, ShopifyMapper.INVENTORY_ITEM, "808950810"), listing,
        Actor.person("ana"));

    assertThat(parked.state()).isEqualTo(InboxState.PARKED);
    assertThat(parked.outcome().detail()).contains("no listing linked to shopify inventory_item 808950810");
    assertThat(store.inboxEntry(shop.workspace, parked.id()).orElseThrow().state()).isEqualTo(InboxState.APPLIED);
    Listing after = listing(listing);
    assertThat(after.channel().quantity().orElseThrow().value()).isEqualTo(7);
    assertThat(after.details().listedQuantity()).isEqualTo(1); // the local listing is not overwritten
    assertThat(after.discrepancies()).extracting(d -> d.field()).contains("listedQuantity");
  }

  @Test
  void productUpdate_recordsPriceTitleAndStatusAsTheChannelSaysThem_neverOverTheLocalListing_andAnOlderOneChangesNothing() {
    ListingId listing = shop.stock("PRD-1", 1, Channel.SHOPIFY, "632910002", "45.00");
    Map<String, Object> v = new HashMap<>(Map.of("product_id", 632910002L, "variant_id", 44002L, "sku", "PRD-1",
        "title", "Denim jacket (edited on Shopify)", "status", "active", "price", "39.00",
        "updated_at", "2026-03-01T08:00:00-05:00"));

    InboxEntry newer = deliver("products/update", "pr-1", "shopify/product.json", v);
    v.put("price", "50.00");
    v.put("updated_at", "2026-03-01T06:00:00-05:00");
    InboxEntry older = deliver("products/update", "pr-2", "shopify/product.json", v);

    assertThat(newer.state()).isEqualTo(InboxState.APPLIED);
    assertThat(older.state()).isIn(InboxState.APPLIED, InboxState.IGNORED);
    Listing after = listing(listing);
    assertThat(after.details().price()).isEqualTo(Sandbox.usd("45.00"));
    assertThat(after.channel().price().orElseThrow().value()).isEqualTo(Sandbox.usd("39.00"));
    assertThat(after.channel().status().orElseThrow().value()).isEqualTo(SyncStatus.LIVE);
    assertThat(after.channel().title().orElseThrow().value()).isEqualTo("Denim jacket (edited on Shopify)");
    assertThat(after.discrepancies()).extracting(d -> d.field()).contains("price", "title");
  }

  @Test
  void cancellationBeforeItsSale_isHeld_andTheOrderEndsCancelled_whenTheSaleArrives() {
    shop.stock("CNL-1", 1, Channel.SHOPIFY, "632910003", "45.00");
    Map<String, Object> order = new HashMap<>(Sandbox.shopifyOrder(3001L, 44003L, "CNL-1", 1));
    order.put("product_id", 632910003L);
    Map<String, Object> cancelled = new HashMap<>(order);
    cancelled.put("cancelled_at", "\"2026-03-01T09:00:00-05:00\"");

    InboxEntry early = deliver("orders/cancelled", "cn-1", "shopify/order.json", cancelled);
    deliver("orders/create", "cr-1", "shopify/order.json", order);
    processor.processAll(100);

    assertThat(early.state()).isEqualTo(InboxState.HELD);
    assertThat(store.inboxEntry(shop.workspace, early.id()).orElseThrow().state()).isEqualTo(InboxState.APPLIED);
    assertThat(shop.ledger.orderByExternalId(Channel.SHOPIFY, "3001").orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(shop.ledger.item(org.resellledger.core.item.Sku.of("CNL-1")).orElseThrow().available()).isEqualTo(1);
  }

  @Test
  void pendingPayment_thenPaidInAnUpdate_movesTheOrderToPaid_andARepeatedUpdateChangesNothing() {
    shop.stock("PAY-1", 1, Channel.SHOPIFY, "632910004", "45.00");
    Map<String, Object> order = new HashMap<>(Sandbox.shopifyOrder(4001L, 44004L, "PAY-1", 1));
    order.put("product_id", 632910004L);
    order.put("financial_status", "pending");
    deliver("orders/create", "py-1", "shopify/order.json", order);
    order.put("financial_status", "paid");

    InboxEntry paid = deliver("orders/updated", "py-2", "shopify/order.json", order);
    InboxEntry again = deliver("orders/updated", "py-3", "shopify/order.json", order);

    assertThat(paid.state()).isEqualTo(InboxState.APPLIED);
    assertThat(again.state()).isEqualTo(InboxState.IGNORED);
    assertThat(again.outcome().detail().orElseThrow()).contains("nothing the ledger keeps changed");
    assertThat(shop.ledger.orderByExternalId(Channel.SHOPIFY, "4001").orElseThrow().status())
        .isEqualTo(OrderStatus.PAID);
  }
}
