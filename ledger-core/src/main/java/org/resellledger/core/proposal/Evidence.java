package org.resellledger.core.proposal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.value.Checks;

/**
 * What a proposal rests on: the ledger events it read, the figures it used (name to value, e.g.
 * {@code available=0}), and the author's reasoning in words.
 *
 * <ul>
 *   <li>At most 50 events and 50 figures; names up to 64 characters, values up to 200, reasoning up to 2,000.
 *   <li>Figures are kept sorted by name, so equal evidence is equal whatever order it was given in.
 *   <li>{@link #isEmpty()} when it names no event and no figure: a draft must carry some (EVIDENCE_REQUIRED).
 * </ul>
 */
public record Evidence(List<EventId> events, Map<String, String> figures, String reasoning) {
  public Evidence {
    events = List.copyOf(Checks.present("evidence.events", events));
    if (events.size() > 50) {
      throw org.resellledger.core.RejectionException.invalid("evidence.events", events.size(), "at most 50 events");
    }
    Checks.present("evidence.figures", figures);
    if (figures.size() > 50) {
      throw org.resellledger.core.RejectionException.invalid("evidence.figures", figures.size(), "at most 50 figures");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    figures.forEach((k, v) -> sorted.put(Checks.text("evidence.figures.name", k, 64),
        Checks.text("evidence.figures." + k, v, 200)));
    figures = java.util.Collections.unmodifiableMap(sorted);
    reasoning = Checks.present("evidence.reasoning", reasoning).isBlank() ? "" : Checks.text("evidence.reasoning", reasoning, 2000);
  }

  /** Evidence of events and figures with the reasoning that links them. */
  public static Evidence of(String reasoning, List<EventId> events, Map<String, String> figures) {
    return new Evidence(events, figures, reasoning);
  }

  /** No evidence at all: what a draft may not carry. */
  public static Evidence none() {
    return new Evidence(List.of(), Map.of(), "");
  }

  public boolean isEmpty() {
    return events.isEmpty() && figures.isEmpty();
  }
}
