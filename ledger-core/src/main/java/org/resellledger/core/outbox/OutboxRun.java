package org.resellledger.core.outbox;

/**
 * What one {@link Outbox#runDue} did.
 *
 * @param written writes the channel made
 * @param alreadyAtTarget writes found done already (applied without a second effect)
 * @param mismatched writes not forced because the channel showed another figure (redrafted)
 * @param failed attempts that failed and will be retried
 * @param blocked attempts that failed for the last time: blocked, waiting for a person
 * @param settled approvals found expired, or targets found moved (re-planned), before any attempt
 * @param waiting due writes that wait behind an earlier write of their listing
 * @param overBudget due writes that wait for the next calendar day's edit budget
 */
public record OutboxRun(int written, int alreadyAtTarget, int mismatched, int failed, int blocked, int settled,
    int waiting, int overBudget) {

  /** Attempts that reached the channel writer. */
  public int attempts() {
    return written + alreadyAtTarget + mismatched + failed + blocked;
  }
}
