package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxFixture;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * Two processors of one entry (two nodes: one took the first delivery, the other a redelivery while the entry was
 * still RECEIVED, or its processAll): the first applied the entry's unit but has not settled it yet when the
 * second maps it. The second's mapper now sees the order the unit made and says there is nothing to do; the entry
 * must still end APPLIED with the unit's events, not IGNORED (found by samples/channels' ChannelDeliveryRaceIT on
 * PostgreSQL: 12 of 1,000 webhooks ended IGNORED "nothing changed" with their sale recorded).
 */
class InboxProcessorRaceTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Fixture f = new Fixture(store, WorkspaceId.of("race"));

  /** orders/create: a sale of the SKU, or nothing to do when the order is already in the ledger. */
  private final ChannelMapper mapper = new ChannelMapper() {
    @Override
    public Channel channel() {
      return Channel.SHOPIFY;
    }

    @Override
    public Mapping map(ProviderEvent event, ChannelLookup lookup) {
      if (lookup.order(Channel.SHOPIFY, "2001").isPresent()) {
        return new Mapping.Ignore("nothing changed: order 2001 is known");
      }
      return Mapping.Apply.of(Fixture.channelSale(Channel.SHOPIFY, "2001", "R-1", 1, lookup.origin()));
    }
  };

  @Test
  void anEntryWhoseUnitAnotherProcessorApplied_butDidNotSettleYet_endsApplied_withThatUnitsEvents() {
    f.intake("R-1", 2);
    InboxEntry entry = store.receive(f.ledger.workspace(), org.resellledger.core.inbox.InboxEntryId.of("in-1"),
        InboxFixture.shopify("orders/create", "ev-1", "sku=R-1;qty=1;order=2001")).entry();
    // the other processor: its unit committed, its settle not yet made
    f.ledger.executeAllOnce(InboxProcessor.unit(entry), List.of(Fixture.channelSale(Channel.SHOPIFY, "2001", "R-1", 1,
        Origin.of(Source.WEBHOOK, Actor.channel("shopify")))));

    InboxEntry after = InboxProcessor.of(f.ledger, store, store, List.of(mapper)).process(entry.id());

    assertThat(after.state()).isEqualTo(InboxState.APPLIED);
    assertThat(after.outcome().events()).isEqualTo(f.ledger.unitEvents(InboxProcessor.unit(entry)).orElseThrow())
        .isNotEmpty();
    assertThat(f.ledger.orders()).hasSize(1);
  }

  @Test
  void anEntryWithNoUnitApplied_thatMapsToNothingToDo_isIgnored_asBefore() {
    f.intake("R-1", 2);
    f.ledger.execute(Fixture.channelSale(Channel.SHOPIFY, "2001", "R-1", 1, Origin.manual("ana")));
    InboxEntry entry = store.receive(f.ledger.workspace(), org.resellledger.core.inbox.InboxEntryId.of("in-2"),
        InboxFixture.shopify("orders/create", "ev-2", "sku=R-1;qty=1;order=2001")).entry();

    InboxEntry after = InboxProcessor.of(f.ledger, store, store, List.of(mapper)).process(entry.id());

    assertThat(after.state()).isEqualTo(InboxState.IGNORED);
    assertThat(after.outcome().detail()).contains("nothing changed: order 2001 is known");
  }
}
