package org.resellledger.core.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.value.Checks;

/**
 * Which events a paged read returns ({@link LedgerStore#eventPage}), in commit order: one stream's, of some
 * kinds (the facts' simple names, {@link LedgerEvent#kind}), in a range of occurred-at instants.
 * {@link #matches} is the meaning.
 *
 * <ul>
 *   <li>{@code from} is inclusive, {@code before} exclusive; both compare the event's occurred-at.
 * </ul>
 */
public record EventQuery(Optional<StreamId> stream, Set<String> kinds, Optional<Instant> from,
    Optional<Instant> before) {

  public EventQuery {
    Checks.present("stream", stream);
    kinds = Set.copyOf(kinds);
    Checks.present("from", from);
    Checks.present("before", before);
  }

  public static EventQuery all() {
    return new EventQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
  }

  public EventQuery stream(StreamId id) {
    return new EventQuery(Optional.of(id), kinds, from, before);
  }

  @SafeVarargs
  public final EventQuery kinds(Class<? extends EventPayload>... any) {
    return new EventQuery(stream, java.util.Arrays.stream(any).map(Class::getSimpleName)
        .collect(java.util.stream.Collectors.toSet()), from, before);
  }

  public EventQuery occurred(Instant fromInclusive, Instant beforeExclusive) {
    return new EventQuery(stream, kinds, Optional.of(fromInclusive), Optional.of(beforeExclusive));
  }

  public boolean matches(LedgerEvent e) {
    return stream.map(s -> s.equals(e.stream())).orElse(true)
        && (kinds.isEmpty() || kinds.contains(e.kind()))
        && from.map(f -> !e.occurredAt().isBefore(f)).orElse(true)
        && before.map(b -> e.occurredAt().isBefore(b)).orElse(true);
  }
}
