package org.resellledger.testkit.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * A generator of values from a source of randomness: the building block of the testkit's property-based
 * tests (this harness replaces jqwik, by choice).
 *
 * <ul>
 *   <li>Deterministic: the same {@link RandomGenerator} state gives the same value, so a seed replays a run.
 *   <li>Composable: {@link #map}, {@link #flatMap}, {@link #filter}, {@link #list}, {@link #optional}, and
 *       the static {@link #oneOf}, {@link #frequency}, {@link #listOf}, {@link #elements}.
 *   <li>Framework-free: works from JUnit, from a main method or from any other harness.
 * </ul>
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface Gen<T> {

  /** The next value, drawn from {@code random}. */
  T next(RandomGenerator random);

  /** The value for one seed: {@code gen.sample(42)} always returns the same value. */
  default T sample(long seed) {
    return next(new SplittableRandom(seed));
  }

  /** An endless stream of values drawn from one generator seeded with {@code seed}. */
  default Stream<T> samples(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return Stream.generate(() -> next(random));
  }

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return random -> f.apply(next(random));
  }

  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return random -> f.apply(next(random)).next(random);
  }

  /**
   * Only values that pass {@code keep}; gives up after 1000 misses in a row, because a filter that rejects
   * almost everything is a bug in the test, not bad luck.
   */
  default Gen<T> filter(Predicate<? super T> keep) {
    Objects.requireNonNull(keep, "keep");
    return random -> {
      for (int i = 0; i < 1000; i++) {
        T value = next(random);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("filter rejected 1000 values in a row; generate valid values instead");
    };
  }

  /** Lists of {@code min} to {@code max} values (both inclusive); the empty and the longest list are edges. */
  default Gen<List<T>> list(int min, int max) {
    return listOf(this, min, max);
  }

  /** Empty one time in five, otherwise a value. */
  default Gen<Optional<T>> optional() {
    Gen<T> self = this;
    return random -> random.nextInt(5) == 0 ? Optional.empty() : Optional.of(self.next(random));
  }

  /** With probability {@code p}, a value of {@code edges}; otherwise a value of this generator. */
  default Gen<T> withEdgeCases(double p, Gen<? extends T> edges) {
    Gen<T> self = this;
    return random -> random.nextDouble() < p ? edges.next(random) : self.next(random);
  }

  // ---- factories ---------------------------------------------------------------------------------------

  /** Always {@code value}. */
  static <T> Gen<T> constant(T value) {
    return random -> value;
  }

  /** One of {@code values}, uniformly. */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      list.add(v);
    }
    return elements(list);
  }

  /** One of {@code values}, uniformly. */
  static <T> Gen<T> elements(List<? extends T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("elements of an empty list");
    }
    List<? extends T> copy = List.copyOf(values);
    return random -> copy.get(random.nextInt(copy.size()));
  }

  /** A value of one of {@code gens}, each picked equally often. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    if (gens.length == 0) {
      throw new IllegalArgumentException("oneOf nothing");
    }
    List<Gen<? extends T>> choices = new ArrayList<>(gens.length);
    for (Gen<? extends T> g : gens) {
      choices.add(Objects.requireNonNull(g, "gen"));
    }
    return random -> choices.get(random.nextInt(choices.size())).next(random);
  }

  /** A generator with its weight, for {@link #frequency}. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
      if (weight < 0) {
        throw new IllegalArgumentException("weight must not be negative: " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** A value of one of the generators, each picked in proportion to its weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> list = new ArrayList<>(choices.length);
    for (Weighted<? extends T> w : choices) {
      list.add(w);
    }
    return frequency(list);
  }

  /** A value of one of the generators, each picked in proportion to its weight. */
  static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
    List<Weighted<? extends T>> copy = List.copyOf(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("frequency needs a positive total weight");
    }
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> w : copy) {
        pick -= w.weight();
        if (pick < 0) {
          return w.gen().next(random);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  /**
   * Lists of {@code min} to {@code max} values of {@code element}. One list in ten has the shortest or the
   * longest length, so that both limits are really tried.
   */
  static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bad list size range " + min + ".." + max);
    }
    return random -> {
      int size;
      int roll = random.nextInt(20);
      if (roll == 0) {
        size = min;
      } else if (roll == 1) {
        size = max;
      } else {
        size = random.nextInt(min, max + 1);
      }
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(element.next(random));
      }
      return list;
    };
  }
}
