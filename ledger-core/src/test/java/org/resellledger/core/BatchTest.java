package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.details;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;

class BatchTest {
  final Fixture f = new Fixture();

  @Test
  void batch_commandsSeeEachOtherAndCommitTogether() {
    List<CommandResult> results = f.ledger.executeAll(List.of(
        new IntakeItem(details("A-1").build(), 2, ItemStatus.READY_TO_LIST, ANA),
        new HoldUnits(Sku.of("A-1"), 1, ANA.because("shoot")),
        Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA)));

    assertThat(results).hasSize(3);
    assertThat(results.get(2).orderId()).isPresent();
    assertThat(f.item("A-1").available()).isZero();
    assertThat(f.ledger.events()).hasSize(results.stream().mapToInt(r -> r.events().size()).sum());
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void batch_withOneRefusedCommand_writesNothingAndNamesThePosition() {
    f.intake("A-1", 1);
    int before = f.ledger.events().size();
    List<Command> batch = List.of(
        new AdjustQuantity(Sku.of("A-1"), 5, ANA.because("found")),
        new AdjustQuantity(Sku.of("A-1"), -1, ANA));

    RejectionException e = catchThrowableOfType(RejectionException.class, () -> f.ledger.executeAll(batch));

    assertThat(e.code()).isEqualTo(RejectionCode.REASON_REQUIRED);
    assertThat(e.getMessage()).startsWith("command 2 of 2 (AdjustQuantity)");
    assertThat(e.why()).as("why() leaves the position to the tool").doesNotContain("command 2 of 2");
    assertThat(f.ledger.events()).hasSize(before);
    assertThat(f.item("A-1").available()).isEqualTo(1);
  }

  @Test
  void batch_refusesProviderCommands() {
    f.intake("A-1", 1);
    RejectionException e = catchThrowableOfType(RejectionException.class, () -> f.ledger.executeAll(List.of(
        Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-1", Fixture.NOW)))));
    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
  }
}
