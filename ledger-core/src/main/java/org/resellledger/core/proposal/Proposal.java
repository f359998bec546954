package org.resellledger.core.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;

/**
 * A proposal as it stands now: the projection of its own stream (kind {@code PROPOSAL}).
 *
 * <ul>
 *   <li>{@code params} are canonical (checked by its kind, sorted by name) and {@code digest} is their
 *       digest with the kind and target: equal changes have equal digests, any change a new one.
 *   <li>{@code targetVersion} is the version of the target it was drafted (or last revised) against.
 *   <li>{@code evidence} is never empty; {@code causation} names the event that led to it, if one did.
 *   <li>{@code state} moves only along {@link ProposalState}'s table; {@code approval} is the last approval,
 *       kept after a revision voided it, so a stale approval is told apart from none.
 *   <li>{@code outbox} is present while an approved external write waits, runs, retries or is blocked.
 *   <li>{@code version} is the number of events in its stream. Replaying the stream gives an equal value.
 * </ul>
 */
public record Proposal(
    ProposalId id,
    ProposalKind kind,
    Actor author,
    ProposalTarget target,
    String targetVersion,
    Map<String, String> params,
    String digest,
    Evidence evidence,
    Optional<String> causation,
    Set<RiskFlag> risks,
    Optional<Channel> channel,
    ProposalState state,
    Optional<Approval> approval,
    Optional<OutboxEntry> outbox,
    Optional<ProposalId> replaces,
    Optional<ProposalId> supersededBy,
    Optional<String> note,
    Instant draftedAt,
    Instant updatedAt,
    long version) {

  public Proposal {
    params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    risks = risks.isEmpty() ? Set.of() : Set.copyOf(java.util.EnumSet.copyOf(risks));
  }

  /** The canonical parameters, sorted by name. */
  public SortedMap<String, String> canonicalParams() {
    return (SortedMap<String, String>) params;
  }

  public boolean risky() {
    return !risks.isEmpty();
  }

  /** An integer parameter ({@code quantity}, {@code counted}). */
  public int intParam(String name) {
    return Integer.parseInt(params.get(name));
  }

  /** The listed quantity a listing proposal leaves, if it is about quantity: 0 for an end. */
  public Optional<Integer> targetQuantity() {
    return switch (kind) {
      case END_LISTING -> Optional.of(0);
      case SET_LISTING_QUANTITY, RELIST -> Optional.of(intParam("quantity"));
      default -> Optional.empty();
    };
  }

  Proposal with(ProposalState s, Optional<Approval> a, Optional<OutboxEntry> o, Optional<ProposalId> by,
      Optional<String> why, Instant at, long v) {
    return new Proposal(id, kind, author, target, targetVersion, params, digest, evidence, causation, risks, channel,
        s, a, o, replaces, by, why, draftedAt, at, v);
  }

  /** This proposal after one more event that moves it to {@code s} (for the fold). */
  public Proposal moved(ProposalState s, Optional<Approval> a, Optional<OutboxEntry> o, Optional<ProposalId> by,
      Optional<String> why, Instant at, long v) {
    return with(s, a, o, by, why, at, v);
  }

  /** This proposal revised: new parameters, digest, evidence, risks and target version; back to PENDING. */
  public Proposal revised(Map<String, String> newParams, String newDigest, Evidence newEvidence,
      Set<RiskFlag> newRisks, String newTargetVersion, Instant at, long v) {
    return new Proposal(id, kind, author, target, newTargetVersion, newParams, newDigest, newEvidence, causation,
        newRisks, channel, ProposalState.PENDING, approval, Optional.empty(), replaces, supersededBy, note,
        draftedAt, at, v);
  }
}
