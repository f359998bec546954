package org.resellledger.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.money.Money;

/** The channel's word, field by field: only newer times change a field, so any arrival order ends the same. */
class ChannelViewTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final java.util.Currency USD = java.util.Currency.getInstance("USD");

  private static Money usd(String a) {
    return new Money(new BigDecimal(a), USD);
  }

  private static ChannelObservation obs(int minute, Optional<Money> price, Optional<Integer> quantity) {
    return new ChannelObservation(T0.plusSeconds(60L * minute), price, Optional.empty(), quantity, Optional.empty());
  }

  private static ChannelView record(ChannelView view, ChannelObservation o, int n) {
    return view.newerPart(o).map(part -> view.with(part, EventId.of("ev-" + n))).orElse(view);
  }

  @Test
  void anOlderObservation_changesNoField_aNewerOneOnlyItsOwnFields() {
    ChannelView view = record(ChannelView.NONE, obs(10, Optional.of(usd("20.00")), Optional.of(3)), 1);

    assertThat(view.newerPart(obs(5, Optional.of(usd("18.00")), Optional.of(1)))).isEmpty();
    ChannelObservation mixed = new ChannelObservation(T0.plusSeconds(600), Optional.of(usd("20.00")),
        Optional.empty(), Optional.of(3), Optional.of(SyncStatus.LIVE));
    assertThat(view.newerPart(mixed)).hasValueSatisfying(p -> {
      assertThat(p.status()).hasValue(SyncStatus.LIVE);
      assertThat(p.price()).isEmpty();
      assertThat(p.quantity()).isEmpty();
    });
    ChannelView later = record(view, obs(20, Optional.empty(), Optional.of(0)), 2);
    assertThat(later.quantity().orElseThrow().value()).isZero();
    assertThat(later.quantity().orElseThrow().event()).isEqualTo(EventId.of("ev-2"));
    assertThat(later.price().orElseThrow().value()).isEqualTo(usd("20.00"));
    assertThat(later.price().orElseThrow().event()).isEqualTo(EventId.of("ev-1"));
  }

  @Test
  void anyArrivalOrderOfObservations_endsInTheSameValues_tiesIncluded() {
    List<ChannelObservation> all = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      all.add(obs(random.nextInt(5), random.nextBoolean() ? Optional.of(usd(random.nextInt(30) + ".00")) : Optional.empty(),
          Optional.of(random.nextInt(4))));
    }
    ChannelView first = null;
    for (int round = 0; round < 200; round++) {
      Collections.shuffle(all, random);
      ChannelView view = ChannelView.NONE;
      for (ChannelObservation o : all) {
        view = record(view, o, 0);
      }
      if (first == null) {
        first = view;
      }
      assertThat(view).as("round %d", round).isEqualTo(first);
    }
  }

  @Test
  void anObservationOfNothing_orANegativeQuantity_isRefused() {
    RejectionException nothing = catchThrowableOfType(RejectionException.class,
        () -> new ChannelObservation(T0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    RejectionException negative = catchThrowableOfType(RejectionException.class,
        () -> ChannelObservation.quantity(T0, -1));

    assertThat(nothing.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(nothing.getMessage()).contains("at least one of price, title, quantity, status");
    assertThat(negative.code()).isEqualTo(RejectionCode.INVALID_VALUE);
  }
}
