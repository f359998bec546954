package org.resellledger.core.item.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * {@link Tx#undo} on item streams: what a preview does when a command is refused part way. Today's handlers check before
 * they append, so no command reaches this through the ledger; a handler that appends and then refuses must
 * still leave nothing behind for the commands after it.
 */
class TxUndoTest {
  private static ItemDetails details(String sku) {
    return ItemDetails.builder().sku(Sku.of(sku)).title("Lamp " + sku).category(Category.parse("Home > Decor"))
        .condition(Condition.GOOD).costBasis(Money.of("5.00", "USD")).acquiredOn(LocalDate.of(2026, 11, 1))
        .location(StorageLocation.parse("GARAGE/S1/B1")).photoStatus(PhotoStatus.COMPLETE).build();
  }

  @Test
  void undo_forgetsTheEventsItemsAndSkusOfEverythingSinceTheMark() {
    Tx tx = Tx.of(new InMemoryLedgerStore(), WorkspaceId.of("shop"), IdGenerator.sequential("t"),
        Origin.manual("ana"), Instant.parse("2026-11-20T12:00:00Z"));
    ItemId a = ItemId.of("A");
    Item before = Items.start(tx, a, new ItemFact.ItemAcquired(details("A-1"), 2, ItemStatus.READY_TO_LIST),
        Movement.of(2, Bucket.SUPPLIER, Bucket.AVAILABLE));
    Tx.Mark mark = tx.mark();

    Items.fact(tx, before, new ItemFact.UnitsHeld(), Movement.of(1, Bucket.AVAILABLE, Bucket.HELD), null, null);
    Items.start(tx, ItemId.of("B"), new ItemFact.ItemAcquired(details("B-1"), 1, ItemStatus.READY_TO_LIST),
        Movement.of(1, Bucket.SUPPLIER, Bucket.AVAILABLE));
    assertThat(tx.eventCount()).isEqualTo(3);

    tx.undo(mark);

    assertThat(tx.eventCount()).isEqualTo(1);
    assertThat(Items.held(tx, a)).isEqualTo(before);
    assertThat(Items.held(tx, ItemId.of("B"))).isNull();
    assertThat(Items.skuTaken(tx, Sku.of("B-1"))).as("the SKU of an undone intake is free again").isFalse();
    assertThat(Items.skuTaken(tx, Sku.of("A-1"))).isTrue();
  }
}
