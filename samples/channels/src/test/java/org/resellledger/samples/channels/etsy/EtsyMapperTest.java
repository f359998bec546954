package org.resellledger.samples.channels.etsy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.samples.channels.Fixtures;
import org.resellledger.samples.channels.Sandbox;

/** Etsy receipts, polled in any order, compared with the ledger's order: only what is new is applied. */
class EtsyMapperTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Sandbox shop = new Sandbox(store, store, "etsy");
  private final InboxProcessor processor = shop.processor();
  private final Map<String, Object> receipt = new HashMap<>(Sandbox.etsyReceipt(5001L, 1234500011L, "ET-1", 1));

  private InboxEntry poll(long updated) {
    receipt.put("update_timestamp", updated);
    byte[] body = Fixtures.json("etsy/receipt.json", receipt);
    return processor.process(shop.receive(EtsyPoll.event(Sandbox.ETSY_SHOP, body, Sandbox.NOW)).id());
  }

  @Test
  void shippedThenPartlyRefunded_refundsTheDifference_andAnOlderVersionPolledLate_findsNothingNew() {
    shop.stock("ET-1", 2, Channel.ETSY, "1234500011", "22.00");
    poll(1000);
    receipt.put("is_shipped", true);
    poll(2000);
    receipt.put("refunds", "[{\"amount\": {\"amount\": 500, \"divisor\": 100, \"currency_code\": \"USD\"},"
        + " \"created_timestamp\": 1772400000, \"reason\": \"scratch\"}]");
    InboxEntry refund = poll(3000);
    receipt.put("refunds", "[]");
    receipt.put("is_shipped", false);
    InboxEntry late = poll(1500);

    assertThat(refund.state()).isEqualTo(InboxState.APPLIED);
    var order = shop.ledger.orderByExternalId(Channel.ETSY, "5001").orElseThrow();
    assertThat(order.refunded()).isEqualTo(Sandbox.usd("5.00"));
    assertThat(late.state()).isEqualTo(InboxState.IGNORED);
    assertThat(late.outcome().detail().orElseThrow()).contains("nothing new in receipt 5001");
    assertThat(shop.ledger.orders()).hasSize(1);
  }

  @Test
  void theSameVersionPolledTwice_isOneEntry_andCanceledCancelsBeforeHandover() {
    shop.stock("ET-1", 2, Channel.ETSY, "1234500011", "22.00");
    InboxEntry first = poll(1000);
    InboxEntry again = poll(1000);
    receipt.put("status", "canceled");
    InboxEntry canceled = poll(2000);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(store.inboxEntry(shop.workspace, first.id()).orElseThrow().deliveries()).isEqualTo(2);
    assertThat(canceled.state()).isEqualTo(InboxState.APPLIED);
    assertThat(shop.ledger.orderByExternalId(Channel.ETSY, "5001").orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(shop.ledger.item(org.resellledger.core.item.Sku.of("ET-1")).orElseThrow().available()).isEqualTo(2);
  }
}
