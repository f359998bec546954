package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.NOW;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.Page;

/**
 * A queue page reads from the store about the rows it shows: the first read asks for the page's size (at
 * least 16 rows), and the reads grow (twice as many each time, up to 500) while the rule rejects rows.
 */
class QueueScanBatchTest {
  /** The row counts the queues asked the store's item pages for, in order. */
  private final List<Integer> asked = new ArrayList<>();
  private final Fixture f = new Fixture(new ForwardingStore(new InMemoryLedgerStore()) {
    @Override
    public Page<Item> itemPage(WorkspaceId w, ItemQuery query, Optional<String> after, int limit) {
      asked.add(limit);
      return delegate.itemPage(w, query, after, limit);
    }
  }, WorkspaceId.of("scan"));

  private Page<QueueEntry> page(int limit) {
    Queues queues = Queues.open(f.store, f.ledger.workspace(), f.ledger.config().withClock(
        java.time.Clock.fixed(NOW, ZoneOffset.UTC)), QueuePolicy.defaults(), Optional.empty());
    asked.clear();
    return queues.page(QueueKind.NO_LISTING, Optional.empty(), limit);
  }

  @Test
  void aPageWhoseRowsTheRuleAccepts_readsAboutThePage() {
    for (int i = 0; i < 60; i++) {
      f.intake(String.format("A-%03d", i), 1);
    }

    assertThat(page(10).rows()).hasSize(10);
    assertThat(asked).containsExactly(16);
    assertThat(page(50).rows()).hasSize(50);
    assertThat(asked).containsExactly(50);
  }

  @Test
  void whileTheRuleRejectsRows_theReadsGrow_andThePageIsStillWhole() {
    for (int i = 0; i < 300; i++) {
      String sku = String.format("A-%03d", i);
      f.intake(sku, 1);
      if (i < 290) {
        f.list(sku, Channel.EBAY, SyncStatus.LIVE);
      }
    }

    Page<QueueEntry> page = page(10);

    assertThat(page.rows()).extracting(QueueEntry::subject)
        .containsExactly("A-290", "A-291", "A-292", "A-293", "A-294", "A-295", "A-296", "A-297", "A-298", "A-299");
    assertThat(asked).containsExactly(16, 32, 64, 128, 256);
  }
}
