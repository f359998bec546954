package org.resellledger.core.proposal.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;

/**
 * A proposal whose target moved is superseded by a re-planned one, never forced: a sync proposal by what
 * the sync rule wants for the listing now (possibly nothing), any other by the same change against the
 * target as it is now, which needs approval again.
 */
final class Replan {
  static final Actor REPLAN = Actor.system("replan");
  static final String AVAILABLE_AT_REPLAN = "availableAtReplan";

  private Replan() {}

  /**
   * The parameters of the re-planned proposal: the same, except a count's adjustment, which carries its
   * variance over the move (the units counted were on the shelf; units that moved since are real too): the
   * new {@code counted} is what is available now plus the adjustment the count asked for (never below 0). The
   * available units it rests on are kept as the figure {@value #AVAILABLE_AT_REPLAN}, for a later re-plan.
   */
  private static Map<String, String> params(Proposal p, Targets.Resolved t, Map<String, String> figures) {
    String base = figures.getOrDefault(AVAILABLE_AT_REPLAN, figures.get(ProposalKind.AVAILABLE_AT_COUNT));
    if (p.kind() != ProposalKind.ADJUST_FROM_COUNT || base == null) {
      return p.params();
    }
    long delta = p.intParam("counted") - Long.parseLong(base);
    long now = t.item().available();
    figures.put(AVAILABLE_AT_REPLAN, Long.toString(now));
    return Map.of("counted", Long.toString(Math.max(0, now + delta)));
  }

  static Optional<ProposalId> replan(Tx tx, Proposal p, Targets.Resolved t) {
    Origin origin = Origin.of(Source.SYSTEM_RULE, REPLAN).causedBy(p.id().value());
    List<Optional<ProposalId>> by = new java.util.ArrayList<>(List.of(Optional.empty()));
    tx.within(origin, () -> {
      if (p.kind().sync()) {
        by.set(0, SyncRule.plan(tx, t.item(), t.listing(),
            new SyncRule.Cause(p.id().value(), "replan of " + p.id(), p.evidence().events()), true,
            Optional.of(p.id())));
      } else {
        Map<String, String> figures = new LinkedHashMap<>(p.evidence().figures());
        Map<String, String> params = params(p, t, figures);
        figures.put("replanned.from", p.id().value());
        figures.put("replanned.targetVersion", p.targetVersion());
        String why = "re-planned: " + p.target() + " moved from " + p.targetVersion() + ". " + p.evidence().reasoning();
        Evidence evidence = Evidence.of(why.length() > 2000 ? why.substring(0, 2000) : why, p.evidence().events(), figures.size() > 50 ? Map.of("replanned.from",
            p.id().value()) : figures);
        by.set(0, Optional.of(Planner.draft(tx, p.kind(), p.target(), params, evidence,
            Optional.of(p.id())).id()));
      }
      Planner.supersede(tx, Proposals.proposal(tx, p.id()), by.get(0),
          "target moved: " + p.target() + " is no longer at " + p.targetVersion()
              + (by.get(0).isPresent() ? "; re-planned" : "; nothing is needed any more"));
    });
    return by.get(0);
  }
}
