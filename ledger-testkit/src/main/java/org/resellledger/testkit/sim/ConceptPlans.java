package org.resellledger.testkit.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One concept's part of the simulator: the forms of its commands (in its own class, as constants) and the
 * moves it plans, each with its weight. {@link Planner} picks among the moves of every registered concept in
 * proportion to their weights; a move makes one step, or a few that belong together (a double sale, a
 * return with its inspection).
 */
interface ConceptPlans {

  /** One thing a concept can plan, and how often relative to every other move. */
  record Move(String name, int weight, Supplier<List<Step>> make) {}

  /** The moves this concept plans, in a fixed order (the order is part of what a seed means). */
  List<Move> moves();

  /**
   * Moves whose steps may be parts of a batch ({@code Ledger.executeAll}), each listed as often as it should
   * be picked; steps with a provider event id are left out of batches.
   */
  default List<Supplier<List<Step>>> batchParts() {
    return List.of();
  }

  /**
   * For a provider event planned earlier, the same event id with other content, when this concept has a
   * more telling variant than the same command at another instant (which {@link Planner} sends otherwise).
   */
  default Optional<Step> otherContent(Step earlier) {
    return Optional.empty();
  }
}
