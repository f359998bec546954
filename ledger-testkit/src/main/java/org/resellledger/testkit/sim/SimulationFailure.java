package org.resellledger.testkit.sim;

import java.util.List;
import org.resellledger.testkit.gen.Seeds;

/**
 * A simulation found a broken invariant. The message names the invariant, the seed that replays the
 * sequence, and the sequence shrunk to the fewest steps that still break the same invariant, as numbered
 * readable lines.
 */
public final class SimulationFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final Invariant invariant;
  private final int originalSteps;
  private final List<String> shrunkSteps;
  private final String problem;

  SimulationFailure(long seed, Invariant invariant, String problem, int originalSteps, List<String> shrunkSteps,
      int stepsSetting, Throwable cause) {
    super(message(seed, invariant, problem, originalSteps, shrunkSteps, stepsSetting), cause);
    this.seed = seed;
    this.invariant = invariant;
    this.problem = problem;
    this.originalSteps = originalSteps;
    this.shrunkSteps = List.copyOf(shrunkSteps);
  }

  private static String message(long seed, Invariant invariant, String problem, int originalSteps,
      List<String> shrunk, int stepsSetting) {
    StringBuilder sb = new StringBuilder();
    sb.append("ledger simulation broke ").append(invariant).append(": ").append(problem).append('\n');
    sb.append("seed ").append(Seeds.format(seed)).append(" (replay: -D").append(Seeds.PROPERTY).append('=')
        .append(Seeds.format(seed)).append(" -D").append(LedgerSimulator.SEQUENCES_PROPERTY).append("=1 -D")
        .append(LedgerSimulator.STEPS_PROPERTY).append('=').append(stepsSetting)
        .append(", or LedgerSimulator.against(stores).replay(").append(Seeds.format(seed)).append("L))\n");
    sb.append("shrunk from ").append(originalSteps).append(" to ").append(shrunk.size()).append(" steps")
        .append(" (the last one breaks it):\n");
    for (int i = 0; i < shrunk.size(); i++) {
      sb.append(String.format("  %2d. %s%n", i + 1, shrunk.get(i)));
    }
    return sb.toString();
  }

  /** The seed of the failing sequence: {@code replay(seed)} runs it again. */
  public long seed() {
    return seed;
  }

  public Invariant invariant() {
    return invariant;
  }

  /** What the last shrunk step broke, in words. */
  public String problem() {
    return problem;
  }

  /** How many steps the sequence had up to the failure, before shrinking. */
  public int originalSteps() {
    return originalSteps;
  }

  /** The shrunk sequence, one readable line per step. */
  public List<String> shrunkSteps() {
    return shrunkSteps;
  }
}
