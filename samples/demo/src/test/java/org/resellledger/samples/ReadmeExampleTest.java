package org.resellledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.*;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.*;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

/** The README's "embed it" example, verbatim between the markers, so the README cannot drift from the API. */
class ReadmeExampleTest {
  @Test
  void readmeExample() {
    // README-EXAMPLE-START
    LedgerStore store = new InMemoryLedgerStore();
    Ledger ledger = Ledger.open(store, WorkspaceId.of("my-shop"));
    Origin me = Origin.manual("maya");
    Sku sku = Sku.of("JKT-001");

    // intake: strict, typed fields
    ledger.execute(new IntakeItem(ItemDetails.builder()
        .sku(sku).title("Levi's trucker jacket, M").category(Category.parse("Clothing > Men > Jackets"))
        .condition(Condition.VERY_GOOD).costBasis(Money.of("24.00", "USD"))
        .acquiredOn(LocalDate.of(2026, 11, 22)).location(StorageLocation.parse("GARAGE/S2/B7"))
        .photoStatus(PhotoStatus.COMPLETE).build(), 2, ItemStatus.READY_TO_LIST, me));

    // list it on two channels
    ListingId onEbay = ledger.execute(new CreateListing(sku, ListingDetails.builder().channel(Channel.EBAY)
        .title("Levi's Type III trucker M").price(Money.of("89.00", "USD")).listedQuantity(2).build(),
        SyncStatus.LIVE, me)).listingId().orElseThrow();
    ListingId onPoshmark = ledger.execute(new CreateListing(sku, ListingDetails.builder().channel(Channel.POSHMARK)
        .title("Levi's trucker jacket").price(Money.of("92.00", "USD")).listedQuantity(2).build(),
        SyncStatus.LIVE, me)).listingId().orElseThrow();

    // a sale arrives from eBay's webhook; a re-delivery of the same notification changes nothing
    ledger.execute(new RecordChannelSale(Channel.EBAY, "24-11301-55555",
        List.of(SaleLine.of(onEbay, sku, 1, Money.of("89.00", "USD"))), Money.of("11.75", "USD"),
        Money.of("0.00", "USD"), OrderStatus.PAID,
        Origin.webhook("ebay", "ntf-8841", java.time.Instant.parse("2026-11-25T10:15:00Z"))));

    // the sale's own transaction drafted a proposal to lower Poshmark to the 1 unit left, citing the sale;
    // a person approves exactly what was drafted, and an Outbox writes it through your ChannelWriter
    Proposal lower = ProposalBook.of(ledger, store).syncOf(onPoshmark).get(0);
    System.out.println(lower.kind() + " " + lower.params() + " because of " + lower.causation().orElseThrow());
    ledger.execute(new ApproveProposal(lower.id(), lower.digest(), me));

    // read the item's quantities and its history
    Item item = ledger.requireItem(sku);
    System.out.println(item.available() + " available, " + item.balances().get(Bucket.COMMITTED) + " committed");
    for (HistoryEntry h : ledger.history(sku)) {
      System.out.println(h.event().kind() + " " + h.event().movement().map(Object::toString).orElse("")
          + " -> " + h.balancesAfter());
    }
    // README-EXAMPLE-END

    assertThat(item.available()).isEqualTo(1);
    assertThat(item.balances().get(Bucket.COMMITTED)).isEqualTo(1);
    assertThat(item.status()).isEqualTo(ItemStatus.LISTED);
    assertThat(lower.kind()).isEqualTo(ProposalKind.SET_LISTING_QUANTITY);
    assertThat(ProposalBook.of(ledger, store).require(lower.id()).state()).isEqualTo(ProposalState.APPROVED);
  }

  @Test
  void readmeShowsThisExampleVerbatim() throws java.io.IOException {
    String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/org/resellledger/samples/ReadmeExampleTest.java"));
    String example = source.split("// README-EXAMPLE-START\n")[1].split("    // README-EXAMPLE-END")[0];
    String dedented = example.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .collect(java.util.stream.Collectors.joining("\n"));
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
    assertThat(readme).contains(dedented.strip());
  }
}
