package org.resellledger.core.outbox;

import java.util.Optional;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.WriteOutcome;

/** A channel's answer to one {@link WriteRequest}; see {@link ChannelWriter} for what each means. */
public record WriteResult(WriteOutcome outcome, Optional<Integer> channelQuantity, Optional<SyncStatus> channelStatus,
    Optional<String> error) {

  public static WriteResult written() {
    return new WriteResult(WriteOutcome.WRITTEN, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static WriteResult alreadyAtTarget() {
    return new WriteResult(WriteOutcome.ALREADY_AT_TARGET, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The channel shows another figure than expected: its quantity and status as it reports them. */
  public static WriteResult mismatch(int channelQuantity, SyncStatus channelStatus) {
    return new WriteResult(WriteOutcome.MISMATCH, Optional.of(channelQuantity), Optional.of(channelStatus),
        Optional.empty());
  }

  public static WriteResult failed(String error) {
    return new WriteResult(WriteOutcome.FAILED, Optional.empty(), Optional.empty(), Optional.of(error));
  }
}
