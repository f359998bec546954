package org.resellledger.core.ledger;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.value.Checks;

/**
 * Who sent a command, through which lane, and why: the part of every event's envelope that the caller
 * supplies. {@code occurredAt} is when it happened in the world (defaults to when it is recorded);
 * {@code provider} makes a channel command idempotent; {@code causation} names the event or proposal that led
 * to it. {@code occurredAt} is in the range of {@link TimeBounds}.
 */
public record Origin(
    Source source,
    Actor actor,
    Optional<Instant> occurredAt,
    Optional<ProviderRef> provider,
    Optional<String> reason,
    Optional<String> causation) {

  public Origin {
    Checks.present("source", source);
    Checks.present("actor", actor);
    Checks.present("occurredAt", occurredAt).ifPresent(at -> Checks.instant("occurredAt", at));
    Checks.present("provider", provider);
    reason = Checks.present("reason", reason).filter(r -> !r.isBlank()).map(r -> Checks.text("reason", r, 1000));
    causation = Checks.present("causation", causation).map(c -> Checks.text("causation", c, 200));
  }

  public static Origin of(Source source, Actor actor) {
    return new Origin(source, actor, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A change a person made by hand. */
  public static Origin manual(String person) {
    return of(Source.MANUAL, Actor.person(person));
  }

  /** A message from a channel, applied at most once per (provider, event id). */
  public static Origin webhook(String provider, String providerEventId, Instant occurredAt) {
    return new Origin(
        Source.WEBHOOK,
        Actor.channel(provider),
        Optional.of(occurredAt),
        Optional.of(ProviderRef.of(provider, providerEventId)),
        Optional.empty(),
        Optional.empty());
  }

  public Origin because(String why) {
    return new Origin(source, actor, occurredAt, provider, Optional.of(why), causation);
  }

  public Origin at(Instant when) {
    return new Origin(source, actor, Optional.of(when), provider, reason, causation);
  }

  public Origin causedBy(String eventOrProposalId) {
    return new Origin(source, actor, occurredAt, provider, reason, Optional.of(eventOrProposalId));
  }

  public Origin withProvider(ProviderRef ref) {
    return new Origin(source, actor, occurredAt, Optional.of(ref), reason, causation);
  }
}
