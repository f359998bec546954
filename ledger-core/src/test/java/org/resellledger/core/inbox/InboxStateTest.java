package org.resellledger.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.inbox.InboxState.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;

/** The inbox's transition table, walked pair by pair, and the outcomes' bounds. */
class InboxStateTest {
  private static final Set<InboxState> WAITING = EnumSet.of(PARKED, HELD, FAILED);
  private static final Set<InboxState> SETTLED_TO = EnumSet.of(APPLIED, DUPLICATE, PARKED, HELD, IGNORED, FAILED);

  @Test
  void everyPair_isAllowedExactlyAsTheRuleSays() {
    for (InboxState from : InboxState.values()) {
      for (InboxState to : InboxState.values()) {
        boolean expected = (from == RECEIVED || WAITING.contains(from)) && SETTLED_TO.contains(to);
        assertThat(from.allows(to)).as("%s -> %s", from, to).isEqualTo(expected);
      }
    }
    assertThat(EnumSet.allOf(InboxState.class)).filteredOn(InboxState::isFinal)
        .containsExactlyInAnyOrder(APPLIED, DUPLICATE, IGNORED, CONFLICT);
  }

  @Test
  void settle_refusesAnIllegalMove_namingWhatIsAllowed() {
    InboxEntry applied = Inbox.receive(List.of(), false, InboxEntryId.of("in-1"),
        InboxFixture.shopify("orders/create", "ev-1", "{}")).entry();
    applied = Inbox.settle(applied, Outcome.applied(List.of()));
    InboxEntry finalEntry = applied;

    RejectionException e = catchThrowableOfType(() -> Inbox.settle(finalEntry, Outcome.parked("late")),
        RejectionException.class);
    assertThat(e.code()).isEqualTo(RejectionCode.ILLEGAL_INBOX_TRANSITION);
    assertThat(e.why()).contains("APPLIED", "final");
  }

  @Test
  void outcomes_carryOnlyTheirOwnData_bounded() {
    assertThat(Outcome.parked(" no listing ").detail()).contains("no listing");
    assertThat(catchThrowableOfType(() -> Outcome.parked(" "), RejectionException.class).field()).isEqualTo("reason");
    assertThat(catchThrowableOfType(() -> Outcome.failed("x".repeat(Outcome.MAX_ERROR + 1)),
        RejectionException.class).field()).isEqualTo("error");
    assertThat(catchThrowableOfType(() -> Outcome.held("x".repeat(Outcome.MAX_PREREQUISITE + 1)),
        RejectionException.class).field()).isEqualTo("prerequisite");
    assertThat(catchThrowableOfType(() -> new Outcome(RECEIVED, Optional.of("x"), List.of()),
        RejectionException.class).field()).isEqualTo("detail");
    assertThat(catchThrowableOfType(() -> new Outcome(PARKED, Optional.of("x"),
        List.of(org.resellledger.core.ledger.EventId.of("e-1"))), RejectionException.class).field())
        .isEqualTo("events");
  }

  @Test
  void receive_sameKeySameBody_isARedelivery_otherBody_aConflictWithTheFirst() {
    ProviderEvent event = InboxFixture.shopify("orders/create", "ev-1", "{\"a\":1}");
    InboxEntry first = Inbox.receive(List.of(), false, InboxEntryId.of("in-1"), event).entry();
    Delivered again = Inbox.receive(List.of(first), false, InboxEntryId.of("in-2"), event);
    Delivered other = Inbox.receive(List.of(first), false, InboxEntryId.of("in-3"),
        InboxFixture.shopify("orders/create", "ev-1", "{\"a\":2}"));

    assertThat(again.arrival()).isEqualTo(Delivered.Arrival.REDELIVERY);
    assertThat(again.entry().id()).isEqualTo(first.id());
    assertThat(again.entry().deliveries()).isEqualTo(2);
    assertThat(other.arrival()).isEqualTo(Delivered.Arrival.CONFLICT);
    assertThat(other.entry().outcome()).isEqualTo(Outcome.conflict(first.id()));
  }
}
