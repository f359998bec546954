package org.resellledger.testkit.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Seeds;

/**
 * Runs random command sequences against a {@link Ledger} on any {@link LedgerStore} and checks, after every
 * step, what must always hold:
 *
 * <ul>
 *   <li>per item, all buckets sum to zero, and no on-hand bucket is negative;
 *   <li>re-sending the last provider event returns {@code duplicate = true} and changes nothing, and the same
 *       provider event id with other content is refused with {@code IDEMPOTENCY_CONFLICT};
 *   <li>a refused command ({@link RejectionException}) changes nothing; any other exception is a failure;
 *   <li>replaying the events equals the stored projections ({@link Ledger#replayMatchesProjections()});
 *   <li>item, listing and order statuses move only along their transition tables, event after event;
 *   <li>every item's buckets, every order line's units and every double-sale conflict equal an independent
 *       model built from the movement rules of the design ("Quantity is double entry").
 * </ul>
 *
 * <p>A failure is shrunk to the shortest sequence that still breaks the same invariant and thrown as a
 * {@link SimulationFailure} with its seed; {@link #replay(long)} reruns it. The seed alone determines a
 * sequence: the first n steps of a seed are the same for any {@link #steps(int)} of at least n.
 *
 * <pre>{@code
 * SimulationReport report = LedgerSimulator.against(InMemoryLedgerStore::new)
 *     .sequences(1_000).steps(30).run();
 * }</pre>
 *
 * <p>System properties win over the builder so that a build can run more, or replay, without code changes:
 * {@value Seeds#PROPERTY} (the seed), {@value #SEQUENCES_PROPERTY} and {@value #STEPS_PROPERTY}.
 */
public final class LedgerSimulator {
  /** Overrides {@link #sequences(int)}. */
  public static final String SEQUENCES_PROPERTY = "ledger.sim.sequences";
  /** Overrides {@link #steps(int)}. */
  public static final String STEPS_PROPERTY = "ledger.sim.steps";

  private final Supplier<LedgerStore> stores;
  private int sequences = 1_000;
  private int steps = 30;
  private Long seed;
  private int shrinkBudget = 5_000;
  private Consumer<String> log = System.out::println;
  private boolean useSystemProperties = true;
  private final List<Runner.Check> checks = new java.util.ArrayList<>();

  private LedgerSimulator(Supplier<LedgerStore> stores) {
    this.stores = stores;
  }

  /** A simulator that opens a fresh store from {@code stores} for every sequence (and every shrink trial). */
  public static LedgerSimulator against(Supplier<LedgerStore> stores) {
    return new LedgerSimulator(Objects.requireNonNull(stores, "stores"));
  }

  /** How many sequences to run (default 1,000). */
  public LedgerSimulator sequences(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one sequence");
    }
    this.sequences = count;
    return this;
  }

  /** How many steps each sequence has (default 30). */
  public LedgerSimulator steps(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one step");
    }
    this.steps = count;
    return this;
  }

  /** The master seed; without one, a random seed (or {@code -Dledger.seed}) is used and printed. */
  public LedgerSimulator seed(long masterSeed) {
    this.seed = masterSeed;
    return this;
  }

  /** How many trial runs shrinking may spend (default 5,000). */
  public LedgerSimulator shrinkBudget(int runs) {
    this.shrinkBudget = runs;
    return this;
  }

  /** Where progress lines go (default standard output); {@code line -> {}} for silence. */
  public LedgerSimulator log(Consumer<String> sink) {
    this.log = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /**
   * Adds a check of your own, run after every step with the ledger under test: return empty when it holds,
   * or what is wrong. A failing check is reported and shrunk like the built-in ones
   * ({@link Invariant#CUSTOM}, with {@code name} in the message).
   */
  public LedgerSimulator check(String name, java.util.function.Function<Ledger, Optional<String>> invariant) {
    checks.add(new Runner.Check(Objects.requireNonNull(name, "name"), Objects.requireNonNull(invariant, "invariant")));
    return this;
  }

  /**
   * Ignores {@value Seeds#PROPERTY}, {@value #SEQUENCES_PROPERTY} and {@value #STEPS_PROPERTY}: for runs whose
   * size is part of what they test, such as a planted bug that must be found.
   */
  public LedgerSimulator ignoringSystemProperties() {
    this.useSystemProperties = false;
    return this;
  }

  /**
   * Runs exactly the one sequence of {@code sequenceSeed}, as printed by a failure, with this simulator's
   * {@link #steps(int)}; system properties are ignored.
   */
  public SimulationReport replay(long sequenceSeed) {
    return seed(sequenceSeed).sequences(1).ignoringSystemProperties().run();
  }

  /** The steps a seed generates, one readable line each: what {@link #replay(long)} would run. */
  public static List<String> describe(long sequenceSeed, int steps) {
    return Planner.plan(sequenceSeed, steps).stream().map(LedgerSimulator::line).toList();
  }

  /**
   * Runs every sequence; returns the report, or throws a {@link SimulationFailure} for the first sequence
   * that breaks an invariant, shrunk.
   */
  public SimulationReport run() {
    long master;
    int count;
    int length;
    if (useSystemProperties) {
      master = Seeds.fromSystemProperty().orElseGet(() -> seed != null ? seed : new java.util.SplittableRandom().nextLong());
      count = intProperty(SEQUENCES_PROPERTY).orElse(sequences);
      length = intProperty(STEPS_PROPERTY).orElse(steps);
    } else {
      master = seed != null ? seed : new java.util.SplittableRandom().nextLong();
      count = sequences;
      length = steps;
    }
    log.accept("ledger simulation: seed " + Seeds.format(master) + ", " + count + " sequences of " + length
        + " steps (replay one with -D" + Seeds.PROPERTY + "=<seed>)");
    Runner runner = new Runner(stores, checks);
    Runner.Tally tally = new Runner.Tally();
    long start = System.nanoTime();
    for (int s = 0; s < count; s++) {
      long sequenceSeed = Seeds.derive(master, s);
      List<Step> plan = Planner.plan(sequenceSeed, length);
      Optional<Runner.Failure> failure = runner.run(plan, tally);
      if (failure.isPresent()) {
        throw shrunk(runner, sequenceSeed, plan, failure.get(), length);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Map<RejectionCode, Long> byCode = new EnumMap<>(RejectionCode.class);
    byCode.putAll(tally.rejections);
    return new SimulationReport(master, count, tally.steps, new LinkedHashMap<>(tally.commands),
        new LinkedHashMap<>(tally.channels), byCode,
        tally.duplicates, elapsed);
  }

  private SimulationFailure shrunk(Runner runner, long sequenceSeed, List<Step> plan, Runner.Failure failure,
      int length) {
    log.accept("ledger simulation: sequence " + Seeds.format(sequenceSeed) + " broke " + failure.invariant()
        + " at step " + (failure.step() + 1) + "; shrinking...");
    Shrinker.Result result = new Shrinker(runner, shrinkBudget).shrink(plan, failure);
    log.accept("ledger simulation: shrunk to " + result.steps().size() + " steps in " + result.runs() + " runs");
    List<String> lines = result.steps().stream().map(LedgerSimulator::line).toList();
    return new SimulationFailure(sequenceSeed, result.failure().invariant(), result.failure().message(),
        failure.step() + 1, lines, length, Optional.ofNullable(result.failure().cause()).orElse(failure.cause()));
  }

  static String line(Step step) {
    if (step instanceof Step.Batch b) {
      return "batch of " + b.parts().size() + " in one transaction: "
          + b.parts().stream().map(LedgerSimulator::line).collect(java.util.stream.Collectors.joining(" | "));
    }
    var o = step.origin();
    String who = o.provider().map(p -> p.provider() + " webhook " + p.eventId()
            + o.occurredAt().map(t -> " at " + t).orElse(""))
        .orElseGet(() -> o.actor() + " via " + o.source());
    return step.describe() + "  [" + who + o.reason().map(r -> ", reason '" + r + "'").orElse("") + "]";
  }

  private static Optional<Integer> intProperty(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
  }
}
