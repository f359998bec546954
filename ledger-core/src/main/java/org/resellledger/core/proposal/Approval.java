package org.resellledger.core.proposal;

import java.time.Instant;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.value.Checks;

/**
 * A decision to apply one proposal, bound to exactly what was approved.
 *
 * <ul>
 *   <li>{@code digest} is the digest of the canonical parameters the approver saw; a revision changes it and
 *       voids the approval.
 *   <li>{@code targetVersion} is the target's version it was given against; applying against another one is
 *       refused {@code TARGET_MOVED} and the proposal is re-planned, never forced.
 *   <li>After {@code expiresAt} it applies nothing ({@code APPROVAL_EXPIRED}).
 *   <li>{@code automatic}: given by the workspace's auto-approval policy (the approver is then the system).
 * </ul>
 */
public record Approval(Actor by, Instant at, String digest, String targetVersion, Instant expiresAt,
    boolean automatic) {
  public Approval {
    Checks.present("approval.by", by);
    Checks.present("approval.at", at);
    Checks.present("approval.digest", digest);
    Checks.present("approval.targetVersion", targetVersion);
    Checks.present("approval.expiresAt", expiresAt);
  }

  public boolean expiredAt(Instant now) {
    return now.isAfter(expiresAt);
  }
}
