package org.resellledger.core;

import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.ProposalPolicy;

/**
 * How a ledger is opened: its clock, its id source, the value above which publishing needs complete photos,
 * and how often a command is retried after losing an optimistic-concurrency race.
 *
 * @param photoThresholds per currency, the item value above which a listing may go LIVE only with complete
 *     photos; an item in a currency with no threshold always needs complete photos to go live
 * @param proposals the workspace's rules for proposals, approvals and the outbox
 */
public record LedgerConfig(Clock clock, IdGenerator ids, Map<Currency, Money> photoThresholds, int maxRetries,
    ProposalPolicy proposals) {

  public LedgerConfig {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ids, "ids");
    photoThresholds = Map.copyOf(photoThresholds);
    Objects.requireNonNull(proposals, "proposals");
    if (maxRetries < 0) {
      throw RejectionException.invalid("maxRetries", maxRetries, "must not be negative");
    }
  }

  /** As before proposals had a policy: the default one ({@link ProposalPolicy#defaults()}). */
  public LedgerConfig(Clock clock, IdGenerator ids, Map<Currency, Money> photoThresholds, int maxRetries) {
    this(clock, ids, photoThresholds, maxRetries, ProposalPolicy.defaults());
  }

  /** System clock, time-ordered UUIDs ({@link IdGenerator#timeOrdered()}), photos required above 100 USD/EUR/GBP, 10 retries. */
  public static LedgerConfig defaults() {
    return new LedgerConfig(
        Clock.systemUTC(),
        IdGenerator.timeOrdered(),
        Map.of(
            Currency.getInstance("USD"), Money.of("100", "USD"),
            Currency.getInstance("EUR"), Money.of("100", "EUR"),
            Currency.getInstance("GBP"), Money.of("100", "GBP")),
        10);
  }

  public LedgerConfig withClock(Clock newClock) {
    return new LedgerConfig(newClock, ids, photoThresholds, maxRetries, proposals);
  }

  public LedgerConfig withIds(IdGenerator newIds) {
    return new LedgerConfig(clock, newIds, photoThresholds, maxRetries, proposals);
  }

  public LedgerConfig withPhotoThreshold(Money threshold) {
    var next = new java.util.HashMap<>(photoThresholds);
    next.put(threshold.currency(), threshold);
    return new LedgerConfig(clock, ids, next, maxRetries, proposals);
  }

  public LedgerConfig withMaxRetries(int retries) {
    return new LedgerConfig(clock, ids, photoThresholds, retries, proposals);
  }

  public LedgerConfig withProposals(ProposalPolicy policy) {
    return new LedgerConfig(clock, ids, photoThresholds, maxRetries, policy);
  }

  /** The threshold for a currency, if one is set. */
  public Optional<Money> photoThreshold(Currency currency) {
    return Optional.ofNullable(photoThresholds.get(currency));
  }
}
