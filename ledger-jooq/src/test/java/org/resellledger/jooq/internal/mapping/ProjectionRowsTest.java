package org.resellledger.jooq.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.Receipt;
import org.resellledger.testkit.gen.Samples;

/** Items, orders and receipts written to their rows and read back are equal, listing order included. */
class ProjectionRowsTest {
  private static final WorkspaceId WS = WorkspaceId.of("ws-1");

  @Test
  void item_withListingsConflictsAndBalances_readsBackEqual_inListingOrder() {
    ItemId id = ItemId.of("it-1");
    Map<ListingId, Listing> listings = new LinkedHashMap<>();
    for (String l : List.of("li-9", "li-1", "li-5")) {
      listings.put(ListingId.of(l), new Listing(ListingId.of(l), id, Samples.richListing(Channel.of("c" + l.charAt(3)),
          "x-" + l), SyncStatus.ERROR, Optional.of("rate limited: " + l)));
    }
    listings.put(ListingId.of("li-0"), new Listing(ListingId.of("li-0"), id,
        Samples.listing(Channel.LOCAL, null, Samples.usd("1.00")), SyncStatus.DRAFT, Optional.empty()));
    Balances balances = Balances.EMPTY.apply(Movement.of(5, Bucket.SUPPLIER, Bucket.AVAILABLE))
        .apply(Movement.of(2, Bucket.AVAILABLE, Bucket.COMMITTED))
        .apply(Movement.of(1, Bucket.COMMITTED, Bucket.BUYER));
    Item item = new Item(id, Samples.richDetails("JKT-001"), ItemStatus.SOLD, balances, listings,
        List.of(new SaleConflict(OrderId.of("or-1"), 2), new SaleConflict(OrderId.of("or-7"), 1)), 5, 42);

    ItemRows.Rows rows = ItemRows.toRows(WS, item);
    Item read = ItemRows.toItem(rows.item(), rows.listings());

    assertThat(read).isEqualTo(item);
    assertThat(read.listings().keySet()).containsExactlyElementsOf(item.listings().keySet());
    assertThat(rows.item().getSku()).isEqualTo("JKT-001");
    assertThat(rows.listings()).extracting(r -> r.getExternalId()).containsExactly("x-li-9", "x-li-1", "x-li-5", null);
  }

  @Test
  void order_withEveryOptionalSet_andWithNone_readsBackEqual() {
    OrderLine line = new OrderLine(ItemId.of("it-1"), org.resellledger.core.item.Sku.of("JKT-001"),
        Optional.of(ListingId.of("li-1")), 3, Samples.usd("55.00"), 2, 2, 1);
    Instant placed = Instant.parse("2026-03-01T12:00:00.000000999Z");
    Order full = new Order(OrderId.of("or-1"), Channel.EBAY, Optional.of("E-1001"), OrderStatus.RETURNED,
        List.of(line), Samples.usd("7.15"), Samples.usd("4.99"), Samples.usd("8.40"), Samples.usd("20.00"),
        Optional.of("USPS"), Optional.of("9400"), Optional.of(placed.plusSeconds(86_400)), placed, 9,
        Optional.of(placed.plusSeconds(172_800)));
    Order bare = new Order(OrderId.of("or-2"), Channel.LOCAL, Optional.empty(), OrderStatus.PAID, List.of(line),
        Samples.usd("0.00"), Samples.usd("0.00"), Samples.usd("0.00"), Samples.usd("0.00"), Optional.empty(),
        Optional.empty(), Optional.empty(), Instant.parse("1969-12-31T23:59:59.999999999Z"), 1);

    assertThat(OrderRows.toOrder(OrderRows.toRecord(WS, full))).isEqualTo(full);
    assertThat(OrderRows.toOrder(OrderRows.toRecord(WS, bare))).isEqualTo(bare);
  }

  @Test
  void receipt_readsBackEqual_withItsEventsInOrder() {
    Receipt receipt = new Receipt(org.resellledger.core.ledger.ProviderRef.of("shopify", "gid://shopify/Webhook/1"),
        "f".repeat(64), List.of(org.resellledger.core.ledger.EventId.of("e9"),
            org.resellledger.core.ledger.EventId.of("e1")));

    assertThat(ReceiptRows.toReceipt(ReceiptRows.toRecord(WS, receipt))).isEqualTo(receipt);
  }
}
