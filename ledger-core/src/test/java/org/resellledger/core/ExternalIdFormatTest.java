package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ExternalIdFormat;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.InMemoryLedgerStore;

/** Each channel's external-id format, enforced by the ledger for every lane when a listing gets a new id. */
class ExternalIdFormatTest {

  @Test
  void eachChannelHasItsFormat() {
    Map<Channel, List<String>> good = Map.of(
        Channel.EBAY, List.of("204512345678"),
        Channel.ETSY, List.of("123456", "123456789012"),
        Channel.SHOPIFY, List.of("8012345678901", "gid://shopify/Product/8012345678901"),
        Channel.POSHMARK, List.of("64b7f0c2a1d3e4f5a6b7c8d9"),
        Channel.MERCARI, List.of("m12345678901"),
        Channel.FACEBOOK, List.of("1234567890123456"),
        Channel.of("vinted"), List.of("VT-2231", "a"));
    Map<Channel, List<String>> bad = Map.of(
        Channel.EBAY, List.of("eb-100", "20451234567", "2045123456789"),
        Channel.ETSY, List.of("12345", "1234567890123"),
        Channel.SHOPIFY, List.of("gid://shopify/Variant/1", "123456789012345678901"),
        Channel.POSHMARK, List.of("64b7f0c2a1d3e4f5a6b7c8dz"),
        Channel.MERCARI, List.of("M12345678901", "m1234567890"),
        Channel.FACEBOOK, List.of("123456789"),
        Channel.of("vinted"), List.of("-lead", "has space", "x".repeat(101)));
    good.forEach((channel, ids) -> ids.forEach(id ->
        assertThat(ExternalIdFormat.matches(channel, id)).as("%s on %s", id, channel).isTrue()));
    bad.forEach((channel, ids) -> ids.forEach(id ->
        assertThat(ExternalIdFormat.matches(channel, id)).as("%s on %s", id, channel).isFalse()));
  }

  @Test
  void creatingAListingWithAMalformedIdIsRefusedNamingTheFormat() {
    Fixture f = new Fixture();
    f.intake("A-1", 1);
    RejectionException e = f.refused(new CreateListing(Sku.of("A-1"), listing(Channel.EBAY).externalId("eb-100").build(),
        SyncStatus.DRAFT, ANA), RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("listing.externalId");
    assertThat(e.value()).hasValue("eb-100");
    assertThat(e.getMessage()).contains("12 digits").contains("ebay");
  }

  @Test
  void givingAListingANewMalformedIdIsRefused() {
    Fixture f = new Fixture();
    f.intake("A-1", 1);
    ListingId id = f.list("A-1", Channel.ETSY, SyncStatus.DRAFT);
    f.refused(new ChangeListing(id, listing(Channel.ETSY).externalId("et-200").build(), ANA),
        RejectionCode.INVALID_VALUE);
    f.run(new ChangeListing(id, listing(Channel.ETSY).externalId("1234567890").build(), ANA));
    assertThat(f.item("A-1").listing(id).orElseThrow().details().externalId()).hasValue("1234567890");
  }

  @Test
  void anIdStoredBeforeItsFormatWasKnownStaysEditable() {
    // The store holds a listing whose id predates the format check; the ledger never re-checks it.
    InMemoryLedgerStore memory = new InMemoryLedgerStore();
    Fixture f = new Fixture(new ForwardingStore(memory) {
      @Override
      public void commit(Commit c) {
        super.commit(new Commit(c.workspace(), c.expectedVersions(), c.events(),
            c.items().stream().map(ExternalIdFormatTest::legacyIds).toList(), c.orders(), c.receipt()));
      }
    }, WorkspaceId.of("shop"));
    f.intake("A-1", 1);
    ListingId id = f.run(new CreateListing(Sku.of("A-1"), listing(Channel.EBAY).externalId("204512345678").build(),
        SyncStatus.DRAFT, ANA)).listingId().orElseThrow();
    assertThat(f.item("A-1").listing(id).orElseThrow().details().externalId()).hasValue("eb-100");

    f.run(new ChangeListing(id, listing(Channel.EBAY).externalId("eb-100").title("Renamed").build(), ANA));
    assertThat(f.item("A-1").listing(id).orElseThrow().details().title()).isEqualTo("Renamed");
    f.refused(new ChangeListing(id, listing(Channel.EBAY).externalId("eb-101").build(), ANA),
        RejectionCode.INVALID_VALUE);
  }

  /** The item as a store written before the format existed would hold it: eBay id 204512345678 was eb-100. */
  private static Item legacyIds(Item item) {
    Map<ListingId, Listing> listings = new LinkedHashMap<>();
    item.listings().forEach((id, l) -> listings.put(id, l.details().externalId().filter("204512345678"::equals)
        .map(x -> l.withDetails(ListingDetails.builder().from(l.details()).externalId("eb-100").build()))
        .orElse(l)));
    return new Item(item.id(), item.details(), item.status(), item.balances(), listings, item.conflicts(),
        item.lotUnits(), item.version());
  }
}
