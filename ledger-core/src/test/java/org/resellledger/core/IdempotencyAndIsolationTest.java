package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.InMemoryLedgerStore;

class IdempotencyAndIsolationTest {
  final Fixture f = new Fixture();
  final Origin delivery = Origin.webhook("ebay", "ntf-42", Instant.parse("2026-11-19T08:00:00Z"));

  @Test
  void redelivery_changesNothingAndReportsTheOriginalOutcome() {
    f.intake("A-1", 2);
    CommandResult first = f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));
    int events = f.ledger.events().size();

    CommandResult again = f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));

    assertThat(again.duplicate()).isTrue();
    assertThat(first.duplicate()).isFalse();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.orderId()).isEqualTo(first.orderId());
    assertThat(f.ledger.events()).hasSize(events);
    assertThat(f.units("A-1", Bucket.COMMITTED)).isEqualTo(1);
  }

  @Test
  void sameProviderEventId_fromAnotherProvider_isADifferentEvent() {
    f.intake("A-1", 2);
    f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));

    CommandResult etsy = f.run(Fixture.channelSale(Channel.ETSY, "T-1", "A-1", 1,
        Origin.webhook("etsy", "ntf-42", Instant.parse("2026-11-19T08:00:00Z"))));

    assertThat(etsy.duplicate()).isFalse();
    assertThat(f.units("A-1", Bucket.COMMITTED)).isEqualTo(2);
  }

  @Test
  void workspaces_neverSeeEachOther() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Fixture alice = new Fixture(store, WorkspaceId.of("alice"));
    Fixture bob = new Fixture(store, WorkspaceId.of("bob"));
    alice.intake("A-1", 2);
    bob.intake("A-1", 5);
    alice.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));

    CommandResult bobsSale = bob.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));

    assertThat(bobsSale.duplicate()).as("receipts are per workspace").isFalse();
    assertThat(alice.item("A-1").available()).isEqualTo(1);
    assertThat(bob.item("A-1").available()).isEqualTo(4);
    assertThat(alice.ledger.events()).allMatch(e -> e.workspace().equals(WorkspaceId.of("alice")));
    assertThat(bob.ledger.orders()).hasSize(1);
  }

  @Test
  void aLostRace_isRetriedFromFreshState() {
    InMemoryLedgerStore inner = new InMemoryLedgerStore();
    Fixture seeded = new Fixture(inner, WorkspaceId.of("shop"));
    seeded.intake("A-1", 1);
    AtomicInteger attempts = new AtomicInteger();
    var losesOnce = new ForwardingStore(inner) {
      @Override
      public void commit(Commit commit) {
        if (attempts.incrementAndGet() == 1) {
          // another writer adjusts first; our first attempt is now stale
          seeded.run(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("other writer")));
          super.commit(commit);
          return;
        }
        super.commit(commit);
      }
    };
    Ledger ledger = Ledger.open(losesOnce, WorkspaceId.of("shop"));

    ledger.execute(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("found one")));

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(seeded.item("A-1").available()).isEqualTo(3);
    assertThat(seeded.item("A-1").version()).isEqualTo(3);
  }

  @Test
  void staleCommit_isRefusedByTheStoreAndWritesNothing() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Fixture shop = new Fixture(store, WorkspaceId.of("shop"));
    shop.intake("A-1", 1);
    var capture = new ForwardingStore(store) {
      Commit last;

      @Override
      public void commit(Commit commit) {
        last = commit;
        super.commit(commit);
      }
    };
    Ledger.open(capture, WorkspaceId.of("shop")).execute(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("x")));
    int events = shop.ledger.events().size();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.commit(capture.last))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(shop.ledger.events()).hasSize(events);
  }

  @Test
  void rebuild_fromEventsEqualsTheStoredProjections() {
    f.intake("A-1", 3);
    f.intake("B-1", 1);
    f.sell("A-1", 2);
    f.shippedOrder("B-1", 1);
    var items = f.ledger.items();
    var orders = f.ledger.orders();

    f.ledger.rebuildProjections();

    assertThat(f.ledger.items()).isEqualTo(items);
    assertThat(f.ledger.orders()).isEqualTo(orders);
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }
}
