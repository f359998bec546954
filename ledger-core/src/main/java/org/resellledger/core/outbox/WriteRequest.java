package org.resellledger.core.outbox;

import java.util.Map;
import java.util.Optional;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;

/**
 * One attempt of one outbox write, as a {@link ChannelWriter} gets it.
 *
 * @param idempotencyKey the same for every attempt of this proposal
 * @param externalId the listing's id on its channel, when it has one
 * @param expectedQuantity what the channel should show now (the ledger's last written figure, or the
 *     channel's own figure that a redrafted proposal rests on); the write goes ahead only if it does
 * @param targetQuantity the quantity after the write (empty when it does not set one)
 * @param targetStatus the status after the write (empty when it does not change it)
 */
public record WriteRequest(String idempotencyKey, ProposalId proposal, int attempt, Channel channel,
    ProposalKind kind, ProposalTarget target, Optional<String> externalId, Map<String, String> params,
    Optional<Integer> expectedQuantity, Optional<SyncStatus> expectedStatus, Optional<Money> expectedPrice,
    Optional<Integer> targetQuantity, Optional<SyncStatus> targetStatus) {
  public WriteRequest {
    params = Map.copyOf(params);
  }
}
