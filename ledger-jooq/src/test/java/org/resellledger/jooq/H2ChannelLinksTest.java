package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.jooq.support.H2Databases;

/** The channel-id map on the embedded store outlives the process: a link made by hand is there after reopening. */
class H2ChannelLinksTest {
  private final Path directory = H2Databases.newDirectory();
  private final WorkspaceId ws = WorkspaceId.of("links");
  private JooqLedgerStore store = JooqLedgerStore.embeddedH2(directory);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLinkMadeByHand_whenTheStoreIsReopened_isStillThere() {
    ChannelRef variant = ChannelRef.of(Channel.SHOPIFY, "variant", "44001");
    ChannelLink link = new ChannelLink(variant, ListingId.of("L-1"), Actor.person("ana"),
        Instant.parse("2026-03-01T10:15:30.123456789Z"));
    store.link(ws, link);
    store.close();

    store = JooqLedgerStore.embeddedH2(directory);

    assertThat(store.linkOf(ws, variant)).contains(link);
    assertThat(store.linksTo(ws, ListingId.of("L-1"))).containsExactly(link);
  }
}
