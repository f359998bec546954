package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.usd;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.ListingCommand.RecordChannelObservation;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;

/** What a channel says of a LIVE listing is kept beside it: the local listing never changes, a discrepancy is raised. */
class ChannelObservationTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private final Fixture f = new Fixture();

  @Test
  void aChannelPriceChangeOnALiveListing_leavesTheLocalPrice_recordsTheChannels_andRaisesADiscrepancy() {
    f.intake("P-1", 1);
    ListingId listing = f.list("P-1", Channel.SHOPIFY, SyncStatus.LIVE);
    var before = f.ledger.listing(listing).orElseThrow();

    CommandResult said = f.run(new RecordChannelObservation(listing, ChannelObservation.price(T, usd("19.99")),
        Origin.webhook("shopify", "products-update-1", T)));

    var after = f.ledger.listing(listing).orElseThrow();
    assertThat(after.details()).isEqualTo(before.details());
    assertThat(after.status()).isEqualTo(SyncStatus.LIVE);
    assertThat(after.channel().price().orElseThrow().value()).isEqualTo(usd("19.99"));
    assertThat(after.channel().price().orElseThrow().event()).isEqualTo(said.events().get(0).id());
    assertThat(after.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("price");
      assertThat(d.local()).isEqualTo("25.00 USD");
      assertThat(d.channel()).isEqualTo("19.99 USD");
      assertThat(d.evidence()).isEqualTo(said.events().get(0).id());
    });
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void anOlderWordArrivingLate_recordsNothing_andAChannelThatAgreesRaisesNoDiscrepancy() {
    f.intake("P-2", 1);
    ListingId listing = f.list("P-2", Channel.SHOPIFY, SyncStatus.LIVE);
    f.run(new RecordChannelObservation(listing, new ChannelObservation(T, Optional.of(usd("25.00")), Optional.empty(),
        Optional.of(1), Optional.of(SyncStatus.LIVE)), Origin.webhook("shopify", "u-2", T)));
    int events = f.ledger.events().size();

    CommandResult late = f.run(new RecordChannelObservation(listing, ChannelObservation.price(T.minusSeconds(60),
        usd("5.00")), Origin.webhook("shopify", "u-1", T.minusSeconds(60))));

    assertThat(late.events()).isEmpty();
    assertThat(f.ledger.events()).hasSize(events);
    assertThat(f.ledger.listing(listing).orElseThrow().discrepancies()).isEmpty();
  }
}
