package org.resellledger.testkit.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.count.CountLine;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.count.VarianceLine;
import org.resellledger.core.count.VarianceLine.Finding;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;

/**
 * What must hold of the count sessions of a run after every step ({@link Invariant#COUNTS}): at most one
 * open session per location; a closed session's variances are counted - expected with the finding that
 * says so, and its proposals are exactly the report's, each an ADJUST_FROM_COUNT of a SKU it counted,
 * citing that line's event; each counted location was last verified by its latest closed session.
 */
final class CountCheck {
  private CountCheck() {}

  static Optional<String> check(LedgerStore store, WorkspaceId ws, List<CountSession> sessions) {
    Map<String, CountSession> open = new HashMap<>();
    Map<String, CountSession> latest = new HashMap<>();
    for (CountSession s : sessions) {
      String where = s.location().toString();
      if (s.status() == CountSession.Status.OPEN) {
        if (open.put(where, s) != null) {
          return Optional.of("two open count sessions of " + where);
        }
        continue;
      }
      latest.merge(where, s, (a, b) -> a.closedAt().orElseThrow().isAfter(b.closedAt().orElseThrow()) ? a : b);
      Optional<String> report = report(store, ws, s);
      if (report.isPresent()) {
        return report;
      }
    }
    for (CountSession s : latest.values()) {
      Optional<LocationCount> verified = store.state(ws, CountStreams.of(s.location()))
          .map(st -> (LocationCount) st.state());
      if (verified.isEmpty() || !verified.get().session().equals(s.id())
          || !verified.get().lastVerified().equals(s.closedAt().orElseThrow())
          || verified.get().unitsCounted() != s.unitsCounted()) {
        return Optional.of("location " + s.location() + " was last counted by " + s.id() + " at " + s.closedAt().get()
            + " but shows " + verified);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> report(LedgerStore store, WorkspaceId ws, CountSession s) {
    List<ProposalId> inReport = s.report().stream().flatMap(l -> l.proposal().stream()).toList();
    if (!inReport.equals(s.proposals())) {
      return Optional.of("session " + s.id() + " lists proposals " + s.proposals() + ", its report " + inReport);
    }
    for (VarianceLine l : s.report()) {
      boolean compared = l.finding() == Finding.MATCHED || l.finding() == Finding.OVER || l.finding() == Finding.SHORT;
      long expectedVariance = compared ? l.counted() - l.expected() : 0;
      Finding sign = expectedVariance == 0 ? Finding.MATCHED : expectedVariance > 0 ? Finding.OVER : Finding.SHORT;
      if (l.variance() != expectedVariance || (compared && l.finding() != sign)) {
        return Optional.of("session " + s.id() + " reports " + l);
      }
      if (l.proposal().isEmpty()) {
        continue;
      }
      Optional<CountLine> line = s.line(l.sku());
      Optional<Proposal> p = store.state(ws, ProposalStreams.of(l.proposal().get())).map(StreamState::state)
          .map(Proposal.class::cast);
      if (p.isEmpty() || line.isEmpty() || p.get().kind() != ProposalKind.ADJUST_FROM_COUNT
          || !p.get().target().id().equals(l.sku().value())
          || !p.get().evidence().events().contains(line.get().event())) {
        return Optional.of("session " + s.id() + " drafted " + p + " for " + l);
      }
    }
    return Optional.empty();
  }
}
