package org.resellledger.core.proposal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * A workspace's rules for proposals and the outbox (part of {@code LedgerConfig}).
 *
 * @param approvalTtl how long an approval stays good; after it the proposal applies nothing
 * @param autoApprove the kinds the system may approve by itself (never a risky one); none by default
 * @param maxPriceDropShare a price drop larger than this share of the current price is risky (0.30 = 30%)
 * @param maxAttempts failed attempts after which an outbox write is blocked and waits for a person
 * @param backoffBase the wait after the first failure; it doubles per failure up to {@code backoffMax}, plus
 *     a random jitter of up to the same again
 * @param editBudgets writes per listing (or order) per calendar day, by channel; {@code defaultEditBudget}
 *     for channels not named. eBay allows about 250 revisions of one listing a day.
 * @param budgetZone the zone whose calendar days the budgets count
 * @param syncProposals whether a change of available units drafts sync proposals for the item's listings
 */
public record ProposalPolicy(Duration approvalTtl, Set<ProposalKind> autoApprove, BigDecimal maxPriceDropShare,
    int maxAttempts, Duration backoffBase, Duration backoffMax, Map<Channel, Integer> editBudgets,
    int defaultEditBudget, ZoneId budgetZone, boolean syncProposals) {

  public ProposalPolicy {
    Checks.present("approvalTtl", approvalTtl);
    if (approvalTtl.isNegative() || approvalTtl.isZero()) {
      throw RejectionException.invalid("approvalTtl", approvalTtl, "a positive duration");
    }
    autoApprove = autoApprove.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(autoApprove));
    Checks.present("maxPriceDropShare", maxPriceDropShare);
    if (maxPriceDropShare.signum() < 0 || maxPriceDropShare.compareTo(BigDecimal.ONE) > 0) {
      throw RejectionException.invalid("maxPriceDropShare", maxPriceDropShare, "a share from 0 to 1");
    }
    Checks.positive("maxAttempts", maxAttempts);
    Checks.present("backoffBase", backoffBase);
    Checks.present("backoffMax", backoffMax);
    editBudgets = Map.copyOf(editBudgets);
    editBudgets.values().forEach(b -> Checks.positive("editBudgets", b));
    Checks.positive("defaultEditBudget", defaultEditBudget);
    Checks.present("budgetZone", budgetZone);
  }

  /**
   * Approvals good for 24 hours, no auto-approval, drops above 30% risky, blocked after 5 failures, backoff
   * from 30 seconds to 1 hour, 250 writes per listing per UTC day on eBay and 1,000 elsewhere, sync on.
   */
  public static ProposalPolicy defaults() {
    return new ProposalPolicy(Duration.ofHours(24), Set.of(), new BigDecimal("0.30"), 5, Duration.ofSeconds(30),
        Duration.ofHours(1), Map.of(Channel.EBAY, 250), 1000, ZoneId.of("UTC"), true);
  }

  public ProposalPolicy withApprovalTtl(Duration ttl) {
    return new ProposalPolicy(ttl, autoApprove, maxPriceDropShare, maxAttempts, backoffBase, backoffMax,
        editBudgets, defaultEditBudget, budgetZone, syncProposals);
  }

  public ProposalPolicy withAutoApprove(Set<ProposalKind> kinds) {
    return new ProposalPolicy(approvalTtl, kinds, maxPriceDropShare, maxAttempts, backoffBase, backoffMax,
        editBudgets, defaultEditBudget, budgetZone, syncProposals);
  }

  public ProposalPolicy withMaxAttempts(int attempts) {
    return new ProposalPolicy(approvalTtl, autoApprove, maxPriceDropShare, attempts, backoffBase, backoffMax,
        editBudgets, defaultEditBudget, budgetZone, syncProposals);
  }

  public ProposalPolicy withEditBudget(Channel channel, int perDay) {
    var next = new java.util.HashMap<>(editBudgets);
    next.put(channel, perDay);
    return new ProposalPolicy(approvalTtl, autoApprove, maxPriceDropShare, maxAttempts, backoffBase, backoffMax,
        next, defaultEditBudget, budgetZone, syncProposals);
  }

  public ProposalPolicy withSyncProposals(boolean on) {
    return new ProposalPolicy(approvalTtl, autoApprove, maxPriceDropShare, maxAttempts, backoffBase, backoffMax,
        editBudgets, defaultEditBudget, budgetZone, on);
  }

  /** The writes one listing (or order) of this channel may take per calendar day. */
  public int editBudget(Channel channel) {
    return editBudgets.getOrDefault(channel, defaultEditBudget);
  }
}
