package org.resellledger.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.InMemoryLedgerStore;

/** A channel's snapshot against the ledger: each disagreement with both figures, the ledger's traced to its event. */
class ReconciliationTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final Origin ANA = Origin.manual("ana");
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Ledger ledger = Ledger.open(store, WorkspaceId.of("shop"), LedgerConfig.defaults());

  private static Money usd(String a) {
    return new Money(new BigDecimal(a), Currency.getInstance("USD"));
  }

  private ListingId list(String sku, int units, String externalId, int listed, SyncStatus status) {
    ledger.execute(new IntakeItem(ItemDetails.builder().sku(Sku.of(sku)).title("Jacket " + sku)
        .category(org.resellledger.core.item.Category.of("Clothing")).condition(org.resellledger.core.item.Condition.GOOD)
        .costBasis(usd("10.00")).acquiredOn(java.time.LocalDate.parse("2026-02-01"))
        .location(org.resellledger.core.item.StorageLocation.of("GARAGE")).photoStatus(PhotoStatus.COMPLETE)
        .build(), units, ItemStatus.READY_TO_LIST, ANA));
    return ledger.execute(new CreateListing(Sku.of(sku), ListingDetails.builder().channel(Channel.SHOPIFY)
        .externalId(externalId).title("Jacket").price(usd("25.00")).listedQuantity(listed).build(), status, ANA))
        .listingId().orElseThrow();
  }

  @Test
  void aQuantityMismatch_isReportedWithBothFigures_andTheLedgersFigureTracesToTheEventThatSetIt() {
    ListingId jacket = list("J-1", 2, "111", 2, SyncStatus.LIVE);
    var changed = ledger.execute(new ChangeListing(jacket, ListingDetails.builder()
        .from(ledger.listing(jacket).orElseThrow().details()).listedQuantity(1).build(), ANA));
    ChannelSnapshot snapshot = new ChannelSnapshot(Channel.SHOPIFY, AT, List.of(
        ChannelSnapshot.Row.of(ChannelRef.of(Channel.SHOPIFY, ChannelRef.LISTING, "111"), 3, SyncStatus.LIVE, usd("25.00"))));

    Reconciliation.Report report = Reconciliation.compare(ledger, store, snapshot);

    assertThat(report.agrees()).isFalse();
    assertThat(report.differences()).extracting(Reconciliation.Difference::field)
        .containsExactly("listedQuantity", "available");
    Reconciliation.Difference quantity = report.differences().get(0);
    assertThat(quantity.channel()).isEqualTo("3");
    assertThat(quantity.ledger()).isEqualTo("1");
    assertThat(quantity.evidence()).hasValue(changed.events().get(0).id());
    assertThat(report.differences().get(1).ledger()).isEqualTo("2");
  }

  @Test
  void rowsMatchThroughTheChannelIdMap_unknownRowsAndLiveListingsTheChannelLacks_areReported() {
    ListingId linked = list("J-2", 1, "222", 1, SyncStatus.LIVE);
    ListingId lacking = list("J-3", 1, "333", 1, SyncStatus.LIVE);
    list("J-4", 1, "444", 1, SyncStatus.DRAFT);
    ChannelRef variant = ChannelRef.of(Channel.SHOPIFY, "variant", "9001");
    store.link(ledger.workspace(), new ChannelLink(variant, linked, Actor.person("ana"), AT));
    ChannelRef stranger = ChannelRef.of(Channel.SHOPIFY, "variant", "9999");

    Reconciliation.Report report = Reconciliation.compare(ledger, store, new ChannelSnapshot(Channel.SHOPIFY, AT,
        List.of(ChannelSnapshot.Row.of(variant, 1, SyncStatus.LIVE, usd("19.00")),
            new ChannelSnapshot.Row(stranger, Optional.of(1), Optional.empty(), Optional.empty()))));

    assertThat(report.differences()).singleElement().satisfies(d -> {
      assertThat(d.listing()).isEqualTo(linked);
      assertThat(d.field()).isEqualTo("price");
      assertThat(d.channel()).isEqualTo("19.00 USD");
      assertThat(d.ledger()).isEqualTo("25.00 USD");
      assertThat(d.evidence()).isPresent();
    });
    assertThat(report.unknown()).containsExactly(stranger);
    assertThat(report.missing()).containsExactly(lacking);
  }

  @Test
  void aSnapshotWithAnotherChannelsRow_orARowTwice_isRefused() {
    ChannelRef etsy = ChannelRef.of(Channel.ETSY, ChannelRef.LISTING, "1");
    ChannelRef shop = ChannelRef.of(Channel.SHOPIFY, ChannelRef.LISTING, "1");
    var row = ChannelSnapshot.Row.of(shop, 1, SyncStatus.LIVE, usd("1.00"));

    assertThat(catchThrowableOfType(RejectionException.class, () -> new ChannelSnapshot(Channel.SHOPIFY, AT,
        List.of(ChannelSnapshot.Row.of(etsy, 1, SyncStatus.LIVE, usd("1.00")))))).hasMessageContaining("rows[0].ref");
    assertThat(catchThrowableOfType(RejectionException.class, () -> new ChannelSnapshot(Channel.SHOPIFY, AT,
        List.of(row, row)))).hasMessageContaining("each channel id once");
  }
}
