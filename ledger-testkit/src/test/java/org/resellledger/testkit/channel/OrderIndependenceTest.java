package org.resellledger.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.gen.Seeds;

/**
 * Issue #11's order independence on the reference store: 100 generated histories, each delivered in 5
 * shuffled orders with duplicates, end as in order. Other stores run {@link OrderIndependence} the same way.
 */
class OrderIndependenceTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  @Test
  void oneHundredHistories_shuffledWithDuplicates_endInTheLedgerStateAndInboxOutcomesOfInOrder() {
    long master = Seeds.fromSystemProperty().orElse(0x11L);
    OrderIndependence.on(store, "oi").check(master, 100, 5);
  }

  @Test
  void theHistoriesHoldWhatTheIssueNames_salesCancellationsFulfilmentsRefundsWithRestockLevelsAndPrices() {
    java.util.Set<String> topics = new java.util.TreeSet<>();
    boolean restock = false;
    for (int seed = 0; seed < 100; seed++) {
      for (ProviderEvent e : ChannelHistory.generate(new SplittableRandom(seed)).events()) {
        topics.add(e.topic());
        restock |= e.topic().equals("refund") && !new String(e.body()).endsWith("restock=0");
      }
    }
    assertThat(topics).containsExactlyInAnyOrder("sale", "cancel", "ship", "refund", "level", "price");
    assertThat(restock).isTrue();
  }

  @Test
  void inOrder_everyEventIsApplied_andShuffled_theHeldOnesEndAppliedToo() {
    ChannelHistory history = ChannelHistory.generate(new SplittableRandom(3));
    var property = OrderIndependence.on(store, "oi-3");

    var inOrder = property.inOrder(history);
    var shuffled = property.shuffled(history, new SplittableRandom(4));

    assertThat(inOrder.outcomes()).hasSize(history.events().size()).containsValue(InboxState.APPLIED)
        .doesNotContainValue(InboxState.HELD);
    assertThat(shuffled).isEqualTo(inOrder);
  }

  /** A mapper that drops what comes early, instead of holding it, depends on delivery order: the property says so. */
  @Test
  void aMapperThatIgnoresEarlyEvents_failsTheProperty_namingTheSeedAndAShortHistory() {
    SimChannel sim = new SimChannel();
    ChannelMapper dropsEarly = new ChannelMapper() {
      @Override
      public Channel channel() {
        return sim.channel();
      }

      @Override
      public Mapping map(ProviderEvent event, ChannelLookup lookup) {
        Mapping m = sim.map(event, lookup);
        return m instanceof Mapping.Early ? new Mapping.Ignore("came early") : m;
      }
    };

    assertThatThrownBy(() -> OrderIndependence.on(store, "broken").withMapper(dropsEarly).check(1, 100, 5))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("order independence fails for seed 0x")
        .hasMessageContaining("shortest failing history");
  }
}
