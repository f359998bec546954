package org.resellledger.csv;

import java.util.Collection;
import java.util.Optional;

/** The nearest allowed word to a near miss, by edit distance, for "did you mean" hints. */
final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a third of the word's length (at least 1, at most 3 edits), if any. */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    int allowed = Math.min(3, Math.max(1, word.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance (insertions, deletions, substitutions), two rows of memory. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
