package org.resellledger.testkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shrinks a failing sequence to a short one that breaks the same invariant: cut after the failing step,
 * remove chunks (delta debugging, halving the chunk size), remove single steps, then simplify quantities and
 * lines, and repeat until nothing more helps or the run budget is spent. Every trial runs on a fresh store,
 * so the result is deterministic.
 */
final class Shrinker {
  private final Runner runner;
  private final int budget;
  private int runs;

  Shrinker(Runner runner, int budget) {
    this.runner = runner;
    this.budget = budget;
  }

  /** The shrunk steps, and the failure they produce. */
  record Result(List<Step> steps, Runner.Failure failure, int runs) {}

  Result shrink(List<Step> steps, Runner.Failure failure) {
    List<Step> current = new ArrayList<>(steps.subList(0, failure.step() + 1));
    Runner.Failure last = failure;
    boolean progress = true;
    while (progress && runs < budget) {
      progress = false;
      // chunks, from halves down to single steps
      int n = 2;
      while (current.size() >= 2 && runs < budget) {
        int chunk = (current.size() + n - 1) / n;
        boolean reduced = false;
        for (int start = 0; start < current.size(); start += chunk) {
          List<Step> candidate = new ArrayList<>(current.subList(0, start));
          candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
          Optional<Runner.Failure> f = fails(candidate, failure.invariant());
          if (f.isPresent()) {
            current = new ArrayList<>(candidate.subList(0, f.get().step() + 1));
            last = f.get();
            n = Math.max(n - 1, 2);
            reduced = true;
            progress = true;
            break;
          }
        }
        if (!reduced) {
          if (chunk == 1) {
            break;
          }
          n = Math.min(current.size(), n * 2);
        }
      }
      // simpler quantities, fewer lines or children
      for (int i = 0; i < current.size() && runs < budget; i++) {
        boolean simplified = true;
        while (simplified && runs < budget) {
          simplified = false;
          for (Step variant : current.get(i).simpler()) {
            List<Step> candidate = new ArrayList<>(current);
            candidate.set(i, variant);
            Optional<Runner.Failure> f = fails(candidate, failure.invariant());
            if (f.isPresent()) {
              current = new ArrayList<>(candidate.subList(0, f.get().step() + 1));
              last = f.get();
              simplified = true;
              progress = true;
              break;
            }
          }
          if (i >= current.size()) {
            break;
          }
        }
      }
    }
    return new Result(current, last, runs);
  }

  private Optional<Runner.Failure> fails(List<Step> candidate, Invariant invariant) {
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    runs++;
    return runner.run(candidate, new Runner.Tally()).filter(f -> f.invariant() == invariant);
  }
}
