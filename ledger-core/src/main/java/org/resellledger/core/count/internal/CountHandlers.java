package org.resellledger.core.count.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountFact.CountClosed;
import org.resellledger.core.count.CountFact.CountOpened;
import org.resellledger.core.count.CountFact.LocationVerified;
import org.resellledger.core.count.CountFact.UnitsCounted;
import org.resellledger.core.count.CountLine;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.count.VarianceLine;
import org.resellledger.core.count.VarianceLine.Finding;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalFact.ProposalDrafted;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.Page;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.core.value.Checks;

/**
 * Decides the count commands. What a close compares and proposes:
 *
 * <ul>
 *   <li>A count compares against AVAILABLE: the units free to sell, the one bucket a correction moves
 *       (AVAILABLE &lt;-&gt; ADJUSTMENT). Units committed to an order, held, in inspection or damaged have their
 *       own work and are not on the count.
 *   <li>A line's variance is fixed when it is counted: counted - available at that moment. Units that
 *       move afterwards (a sale, an intake, between the line and the close) are real and are kept: the
 *       proposal's {@code counted} is the available units at the close plus the variance (never below 0),
 *       drafted against the item's version at the close.
 *   <li>Units that move between the close and the approval move the item's version: the approval (and an
 *       apply) is refused {@code TARGET_MOVED}, nothing is forced; the proposal is re-planned or revised
 *       by a person, who sees the variance in its evidence.
 *   <li>Proposals are authored by the system actor {@code count} (so the person who counted may approve
 *       them; an agent never does), caused by the session, citing the line's event and figures.
 * </ul>
 */
final class CountHandlers {
  /** The author of the adjustments a close drafts. */
  static final Actor COUNT = Actor.system("count");

  private CountHandlers() {}

  static void open(OpenCount x, Tx tx) {
    StorageLocation location = Checks.present("location", x.location());
    UniqueKey open = new UniqueKey(CountStreams.OPEN_KEY, location.toString());
    Optional<StreamId> other = tx.held(CountStreams.COUNT, CountSession.class).stream()
        .filter(s -> s.status() == CountSession.Status.OPEN && s.location().equals(location))
        .map(s -> CountStreams.of(s.id())).findFirst()
        .or(() -> tx.store().streamWithKey(tx.workspace(), CountStreams.COUNT, open));
    if (other.isPresent()) {
      throw new RejectionException(RejectionCode.COUNT_ALREADY_OPEN, "location", location,
          "count session " + other.get().id() + " of " + location + " is open: count into it or close it first");
    }
    CountSessionId id = CountSessionId.of(tx.newId());
    append(tx, CountStreams.of(id), 1, new CountOpened(id, location));
  }

  static void record(RecordCount x, Tx tx) {
    CountSession s = open(session(tx, Checks.present("session", x.session())));
    Sku sku = Checks.present("sku", x.sku());
    Checks.unitsOrNone("counted", x.counted());
    Optional<Item> item = Items.find(tx, sku);
    append(tx, CountStreams.of(s.id()), s.version() + 1, new UnitsCounted(sku, x.counted(),
        item.map(Item::available), item.map(i -> i.details().location()), item.map(Item::version).orElse(0L)));
  }

  static void close(CloseCount x, Tx tx) {
    CountSession s = open(session(tx, Checks.present("session", x.session())));
    List<VarianceLine> report = new ArrayList<>();
    List<ProposalId> proposals = new ArrayList<>();
    Origin drafting = Origin.of(Source.SYSTEM_RULE, COUNT).causedBy(s.id().value());
    for (CountLine line : s.lines()) {
      VarianceLine v = compare(tx, s, line);
      if (v.variance() != 0) {
        long target = Math.max(0, v.availableAtClose() + v.variance());
        if (target != v.availableAtClose()) {
          ProposalId drafted = draft(tx, s, line, v, target, drafting);
          proposals.add(drafted);
          v = new VarianceLine(v.sku(), v.finding(), v.expected(), v.counted(), v.variance(), v.value(),
              v.ledgerLocation(), v.availableAtClose(), Optional.of(drafted));
        }
      }
      report.add(v);
    }
    report.addAll(notCounted(tx, s));
    CountSession closed = append(tx, CountStreams.of(s.id()), s.version() + 1, new CountClosed(report, proposals));
    StreamId place = CountStreams.of(s.location());
    LocationCount before = tx.held(place);
    long version;
    if (before != null) {
      version = before.version();
    } else {
      Optional<StreamState> stored = tx.store().state(tx.workspace(), place);
      version = stored.map(StreamState::version).orElse(0L);
      stored.ifPresent(st -> tx.join(place, (LocationCount) st.state(), st.version()));
    }
    append(tx, place, version + 1, new LocationVerified(s.location(), s.id(), closed.unitsCounted(),
        closed.closedBy().orElseThrow()));
  }

  /** One counted line against the ledger as it is at the close. */
  private static VarianceLine compare(Tx tx, CountSession s, CountLine line) {
    Optional<Item> found = Items.find(tx, line.sku());
    if (found.isEmpty()) {
      return new VarianceLine(line.sku(), Finding.UNKNOWN_SKU, 0, line.counted(), 0, Optional.empty(),
          Optional.empty(), 0, Optional.empty());
    }
    Item item = found.get();
    StorageLocation at = item.details().location();
    if (!CountStreams.covers(s.location(), at)) {
      return new VarianceLine(line.sku(), Finding.ELSEWHERE, 0, line.counted(), 0, Optional.of(value(item, 0)),
          Optional.of(at), item.available(), Optional.empty());
    }
    // an item that did not exist when the line was counted is compared as it is now
    long expected = line.expected().orElse(item.available());
    long variance = line.counted() - expected;
    Finding finding = variance == 0 ? Finding.MATCHED : variance > 0 ? Finding.OVER : Finding.SHORT;
    return new VarianceLine(line.sku(), finding, expected, line.counted(), variance,
        Optional.of(value(item, variance)), Optional.of(at), item.available(), Optional.empty());
  }

  /** Items at the location (or under it) with units available that no line counted, by SKU. */
  private static List<VarianceLine> notCounted(Tx tx, CountSession s) {
    ItemQuery query = ItemQuery.all().in(s.location());
    List<VarianceLine> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<Item> page = tx.store().itemPage(tx.workspace(), query, after, 200);
      for (Item stored : page.rows()) {
        Item item = Optional.<Item>ofNullable(Items.held(tx, stored.id())).orElse(stored);
        if (!item.archived() && item.available() > 0 && s.line(item.sku()).isEmpty()) {
          out.add(new VarianceLine(item.sku(), Finding.NOT_COUNTED, item.available(), 0, 0,
              Optional.of(value(item, 0)), Optional.of(item.details().location()), item.available(),
              Optional.empty()));
        }
      }
      after = page.next();
    } while (after.isPresent());
    return out;
  }

  /** {@code units} at the item's cost basis per unit (the lot's cost basis over its units). */
  static Money value(Item item, long units) {
    Money cost = item.details().costBasis();
    BigDecimal perUnit = cost.amount().divide(BigDecimal.valueOf(Math.max(1, item.lotUnits())),
        cost.currency().getDefaultFractionDigits() + 6, RoundingMode.HALF_UP);
    BigDecimal amount = perUnit.multiply(BigDecimal.valueOf(units))
        .setScale(Math.max(0, cost.currency().getDefaultFractionDigits()), RoundingMode.HALF_UP);
    return new Money(amount, cost.currency());
  }

  private static ProposalId draft(Tx tx, CountSession s, CountLine line, VarianceLine v, long target, Origin by) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("count.session", s.id().value());
    figures.put("count.location", s.location().toString());
    figures.put("count.countedAt", line.countedAt().toString());
    figures.put("expected", Long.toString(v.expected()));
    figures.put("counted", Long.toString(v.counted()));
    figures.put("variance", Long.toString(v.variance()));
    figures.put(org.resellledger.core.proposal.ProposalKind.AVAILABLE_AT_COUNT, Long.toString(v.availableAtClose()));
    v.value().ifPresent(m -> figures.put("varianceValue", m.toString()));
    String why = "count " + s.id() + " of " + s.location() + ": counted " + v.counted() + " of " + v.sku()
        + " where the ledger had " + v.expected() + " available (variance " + (v.variance() > 0 ? "+" : "")
        + v.variance() + ")" + (v.availableAtClose() != v.expected()
            ? "; " + v.availableAtClose() + " available at the close, so " + target + " after the adjustment" : "");
    int first = tx.eventCount();
    Registry.standard().dispatch(new DraftProposal(ProposalKind.ADJUST_FROM_COUNT, ProposalTarget.item(v.sku()),
        Map.of("counted", Long.toString(target)), Evidence.of(why, List.of(line.event()), new TreeMap<>(figures)), by),
        tx);
    return tx.eventsSince(first).stream().map(LedgerEvent::payload).filter(ProposalDrafted.class::isInstance)
        .map(p -> ((ProposalDrafted) p).proposal()).findFirst().orElseThrow();
  }

  static CountSession session(Tx tx, CountSessionId id) {
    StreamId stream = CountStreams.of(id);
    CountSession held = tx.held(stream);
    if (held != null) {
      return held;
    }
    StreamState stored = tx.store().state(tx.workspace(), stream).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_COUNT, "session", id, "no count session with this id"));
    return tx.join(stream, (CountSession) stored.state(), stored.version());
  }

  /** Lines are recorded into, and a close closes, an open session only. */
  private static CountSession open(CountSession s) {
    if (s.status() != CountSession.Status.OPEN) {
      throw new RejectionException(RejectionCode.COUNT_CLOSED, "session", s.id(),
          "count session " + s.id() + " of " + s.location() + " closed at " + s.closedAt().orElseThrow()
              + "; open a new count");
    }
    return s;
  }

  private static <S> S append(Tx tx, StreamId stream, long version, EventPayload fact) {
    return tx.append(stream, version, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), fact,
        tx.origin().causation());
  }
}
