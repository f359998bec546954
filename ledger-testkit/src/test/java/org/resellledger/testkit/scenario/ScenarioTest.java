package org.resellledger.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.ChannelSaleRecorded;
import org.resellledger.core.item.ItemFact.UnitsHeld;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.gen.Samples;

class ScenarioTest {
  private static final Sku JACKET = Sku.of("JKT-1");

  private static RecordChannelSale sale(Channel channel, String orderId, int quantity, Origin origin) {
    return new RecordChannelSale(channel, orderId, List.of(SaleLine.of(JACKET, quantity, Samples.usd("40.00"))),
        Samples.usd("4.00"), Samples.usd("0.00"), OrderStatus.PAID, origin);
  }

  @Test
  void sale_whenNothingAvailable_recordsConflict() {
    Scenario.given(Samples.intake("JKT-1", 1), sale(Channel.EBAY, "E-1", 1, Samples.webhook("ebay", "n-1")))
        .when(sale(Channel.ETSY, "4410", 1, Samples.webhook("etsy", "evt_1")))
        .thenEvents("OrderPlaced", "ChannelSaleRecorded")
        .thenEvent(ChannelSaleRecorded.class, s -> {
          assertThat(s.committed()).isZero();
          assertThat(s.shortfall()).isEqualTo(1);
        })
        .thenItem(JACKET, item -> {
          assertThat(item.conflicts()).hasSize(1);
          assertThat(item.balances().get(Bucket.COMMITTED)).isEqualTo(1);
          assertThat(item.status()).isEqualTo(ItemStatus.SOLD);
        });
  }

  @Test
  void hold_withoutReason_isRefused_andChangesNothing() {
    Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(JACKET, 1, Samples.manual("ana")))
        .thenRejected(RejectionCode.REASON_REQUIRED, "reason");
  }

  @Test
  void hold_ofMoreThanAvailable_isRefusedNamingTheQuantity() {
    Outcome outcome = Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(JACKET, 3, Samples.manual("ana", "check")))
        .thenRejected(RejectionCode.INSUFFICIENT_UNITS, "quantity");

    assertThat(outcome.rejection().getMessage()).contains("has 2 AVAILABLE");
    assertThat(outcome.events()).isEmpty();
  }

  @Test
  void hold_appendsExactlyTheExpectedPayload() {
    Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(JACKET, 1, Samples.manual("ana", "check")))
        .thenPayloads(new UnitsHeld())
        .thenItem(JACKET, item -> assertThat(item.balances().get(Bucket.HELD)).isEqualTo(1));
  }

  @Test
  void aRedeliveredWebhook_isADuplicate() {
    RecordChannelSale sale = sale(Channel.EBAY, "E-1", 1, Samples.webhook("ebay", "n-1"));

    Scenario.given(Samples.intake("JKT-1", 1), sale).when(sale).thenDuplicate();
  }

  @Test
  void theSameWebhookId_withOtherContent_isAnIdempotencyConflict() {
    Scenario.given(Samples.intake("JKT-1", 2), sale(Channel.EBAY, "E-1", 1, Samples.webhook("ebay", "n-1")))
        .when(sale(Channel.EBAY, "E-1", 2, Samples.webhook("ebay", "n-1")))
        .thenRejected(RejectionCode.IDEMPOTENCY_CONFLICT);
  }

  @Test
  void idsCreatedByTheGivens_areAtHand_andDeterministic() {
    Scenario first = Scenario.given(Samples.intake("JKT-1", 1),
        new CreateListing(JACKET, Samples.listing(Channel.EBAY, "204500000001", Samples.usd("50")), SyncStatus.LIVE,
            Samples.manual("ana")));
    Scenario second = Scenario.given(Samples.intake("JKT-1", 1),
        new CreateListing(JACKET, Samples.listing(Channel.EBAY, "204500000001", Samples.usd("50")), SyncStatus.LIVE,
            Samples.manual("ana")));

    assertThat(first.listing(0)).isEqualTo(second.listing(0));
    assertThat(first.item(0)).isEqualTo(second.item(0));
    assertThat(first.ledger().events()).isEqualTo(second.ledger().events());
    assertThat(first.ledger().events()).allMatch(e -> e.recordedAt().equals(Samples.NOW));
    assertThat(first.ledger().listing(first.listing(0))).map(l -> l.status()).contains(SyncStatus.LIVE);
  }

  @Test
  void aRefusedGiven_failsTheScenarioAtOnce_namingIt() {
    assertThatThrownBy(() -> Scenario.given(Samples.intake("JKT-1", 1), new HoldUnits(JACKET, 5,
        Samples.manual("ana", "check"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("given command 2 (HoldUnits) was refused")
        .hasMessageContaining("INSUFFICIENT_UNITS");
  }

  @Test
  void thenAssertions_failWhenTheOutcomeIsOtherwise() {
    Outcome accepted = Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(JACKET, 1, Samples.manual("ana", "check")));
    Outcome refused = Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(JACKET, 1, Samples.manual("ana")));

    assertThatThrownBy(() -> accepted.thenRejected(RejectionCode.REASON_REQUIRED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("was accepted, appending [UnitsHeld]");
    assertThatThrownBy(() -> accepted.thenEvents("UnitsReleased")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> refused.thenEvents("UnitsHeld"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("REASON_REQUIRED");
    assertThatThrownBy(() -> refused.thenRejected(RejectionCode.INSUFFICIENT_UNITS))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aScenario_runsOnAnyStore() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Scenario.on(store).and(Samples.intake("JKT-1", 3))
        .when(new HoldUnits(JACKET, 3, Samples.manual("ana", "check")))
        .thenEvents("UnitsHeld");

    assertThat(store.events(Scenario.WORKSPACE)).hasSize(2);
    assertThat(Optional.of(store.items(Scenario.WORKSPACE).get(0).available())).contains(0L);
  }
}
