package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.NOW;
import static org.resellledger.core.Fixture.channelSale;
import static org.resellledger.core.Fixture.details;
import static org.resellledger.core.Fixture.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand;
import org.resellledger.core.listing.ListingCommand;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.Receipt;

/**
 * How many store reads a command costs, and that leaving key checks to the commit never changes an
 * answer: the first attempt reads only the items, a refusal or a taken key sends it round again with every
 * read, so the codes are the ones a careful read would give.
 */
class ReadsAndKeysTest {
  final CountingStore store = new CountingStore();
  final Fixture f = new Fixture(store, WorkspaceId.of("shop"));

  @Test
  void aWebhookSale_readsItsItemOnceAndNothingElseBeforeTheCommit() {
    f.intake("A-1", 3);
    store.reads.clear();

    CommandResult r = f.run(channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-1", NOW)));

    assertThat(r.duplicate()).isFalse();
    assertThat(store.reads).containsExactly(Map.entry("itemBySku", 1));
    assertThat(f.item("A-1").balances().get(org.resellledger.core.ledger.Bucket.COMMITTED)).isEqualTo(1);
  }

  @Test
  void aBatch_readsAllItsItemsInOneRead() {
    List<Command> intakes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      intakes.add(new IntakeItem(details("A-" + i).build(), 2, ItemStatus.READY_TO_LIST, ANA));
    }
    f.ledger.executeAll(intakes);
    List<Command> sales = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sales.add(channelSale(Channel.EBAY, "E-" + i, "A-" + i, 1, ANA));
    }
    store.reads.clear();

    f.ledger.executeAll(sales);

    assertThat(store.reads).containsExactly(Map.entry("itemsBySku", 1));
    assertThat(f.ledger.items()).allSatisfy(i -> assertThat(i.balances().get(org.resellledger.core.ledger.Bucket.COMMITTED)).isEqualTo(1));
  }

  @Test
  void aRedelivery_stillGetsTheFirstOutcome() {
    f.intake("A-1", 3);
    Command sale = channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-1", NOW));
    CommandResult first = f.ledger.execute(sale);

    CommandResult again = f.ledger.execute(sale);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(f.item("A-1").balances().get(org.resellledger.core.ledger.Bucket.COMMITTED)).isEqualTo(1);
  }

  @Test
  void takenKeys_areRefusedWithTheirOwnCodes_evenWithoutRetries() {
    Fixture strict = new Fixture(store, WorkspaceId.of("strict"), 0);
    strict.intake("A-1", 3);
    strict.run(channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA));
    strict.run(new CreateListing(Sku.of("A-1"), listing(Channel.EBAY).externalId("123456789012").build(),
        SyncStatus.DRAFT, ANA));

    assertThat(refusal(strict, new IntakeItem(details("A-1").build(), 1, ItemStatus.READY_TO_LIST, ANA)))
        .isEqualTo(RejectionCode.DUPLICATE_SKU);
    assertThat(refusal(strict, channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-2", NOW))))
        .isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
    assertThat(refusal(strict, new CreateListing(Sku.of("A-1"),
        listing(Channel.EBAY).externalId("123456789012").build(), SyncStatus.DRAFT, ANA)))
        .isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
    assertThat(strict.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void aBatch_refusesTheSameOrderIdTwice_namingTheSecondCommand() {
    f.intake("A-1", 3);
    int before = f.ledger.events().size();

    RejectionException e = catchThrowableOfType(RejectionException.class, () -> f.ledger.executeAll(List.of(
        channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA),
        channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA))));

    assertThat(e.code()).isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
    assertThat(e.getMessage()).startsWith("command 2 of 2");
    assertThat(e.why()).as("why() leaves the position to the tool").doesNotContain("command 2 of 2");
    assertThat(f.ledger.events()).hasSize(before);
  }

  @Test
  void aBatch_refusesTheSameListingIdTwice() {
    f.intake("A-1", 3);
    Command create = new CreateListing(Sku.of("A-1"), listing(Channel.EBAY).externalId("123456789012").build(),
        SyncStatus.DRAFT, ANA);

    RejectionException e = catchThrowableOfType(RejectionException.class,
        () -> f.ledger.executeAll(List.of(create, create)));

    assertThat(e.code()).isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
    assertThat(e.getMessage()).startsWith("command 2 of 2");
    assertThat(e.why()).as("why() leaves the position to the tool").doesNotContain("command 2 of 2");
  }

  @Test
  void aListingIdGivenUp_isFreeOnlyOnceThatIsCommitted() {
    f.intake("A-1", 3);
    f.intake("B-1", 3);
    ListingId first = f.run(new CreateListing(Sku.of("A-1"),
        listing(Channel.EBAY).externalId("123456789012").build(), SyncStatus.DRAFT, ANA)).listingId().orElseThrow();
    Command giveUp = new ListingCommand.ChangeListing(first, listing(Channel.EBAY).externalId("999999999999").build(), ANA);
    Command take = new CreateListing(Sku.of("B-1"), listing(Channel.EBAY).externalId("123456789012").build(),
        SyncStatus.DRAFT, ANA);

    RejectionException e = catchThrowableOfType(RejectionException.class,
        () -> f.ledger.executeAll(List.of(giveUp, take)));
    assertThat(e.code()).isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
    assertThat(e.getMessage()).startsWith("command 2 of 2");
    assertThat(e.why()).as("why() leaves the position to the tool").doesNotContain("command 2 of 2");

    f.run(giveUp);
    ListingId second = f.run(take).listingId().orElseThrow();
    assertThat(f.store.listingByExternalId(WorkspaceId.of("shop"), Channel.EBAY, "123456789012")).contains(second);
  }

  @Test
  void aBatch_aSkuTakenByAnotherItem_isRefusedWithoutRetries() {
    Fixture strict = new Fixture(store, WorkspaceId.of("strict"), 0);
    strict.intake("A-1", 1);

    RejectionException e = catchThrowableOfType(RejectionException.class, () -> strict.ledger.executeAll(List.of(
        new ItemCommand.AdjustQuantity(Sku.of("A-1"), 1, ANA.because("found")),
        new IntakeItem(details("A-1").build(), 1, ItemStatus.READY_TO_LIST, ANA))));

    assertThat(e.code()).isEqualTo(RejectionCode.DUPLICATE_SKU);
    assertThat(strict.item("A-1").available()).isEqualTo(1);
  }

  private static RejectionCode refusal(Fixture fixture, Command command) {
    return catchThrowableOfType(RejectionException.class, () -> fixture.ledger.execute(command)).code();
  }

  /** Counts the store's reads by method name; commits are not reads. */
  static final class CountingStore extends ForwardingStore {
    final Map<String, Integer> reads = new TreeMap<>();

    CountingStore() {
      super(new InMemoryLedgerStore());
    }

    private void count(String read) {
      reads.merge(read, 1, Integer::sum);
    }

    @Override public Optional<Item> item(WorkspaceId w, ItemId id) {
      count("item");
      return super.item(w, id);
    }

    @Override public Optional<ItemId> itemId(WorkspaceId w, Sku sku) {
      count("itemId");
      return super.itemId(w, sku);
    }

    @Override public Optional<Item> itemBySku(WorkspaceId w, Sku sku) {
      count("itemBySku");
      return super.itemBySku(w, sku);
    }

    @Override public Map<Sku, Item> itemsBySku(WorkspaceId w, Collection<Sku> skus) {
      count("itemsBySku");
      return super.itemsBySku(w, skus);
    }

    @Override public Optional<ItemId> itemIdOfListing(WorkspaceId w, ListingId l) {
      count("itemIdOfListing");
      return super.itemIdOfListing(w, l);
    }

    @Override public Optional<ListingId> listingByExternalId(WorkspaceId w, Channel c, String x) {
      count("listingByExternalId");
      return super.listingByExternalId(w, c, x);
    }

    @Override public Optional<org.resellledger.core.order.Order> order(WorkspaceId w, OrderId id) {
      count("order");
      return super.order(w, id);
    }

    @Override public Optional<OrderId> orderByExternalId(WorkspaceId w, Channel c, String x) {
      count("orderByExternalId");
      return super.orderByExternalId(w, c, x);
    }

    @Override public Optional<Receipt> receipt(WorkspaceId w, ProviderRef p) {
      count("receipt");
      return super.receipt(w, p);
    }
  }
}
