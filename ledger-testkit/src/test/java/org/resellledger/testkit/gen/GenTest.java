package org.resellledger.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenTest {
  private static <T> List<T> draw(Gen<T> gen, int n) {
    return gen.samples(7).limit(n).toList();
  }

  @Test
  void theSameSeed_givesTheSameValues_andAnotherSeedOthers() {
    Gen<Integer> gen = Gens.ints(0, 1_000_000);

    assertThat(gen.samples(99).limit(50).toList()).isEqualTo(gen.samples(99).limit(50).toList());
    assertThat(gen.samples(100).limit(50).toList()).isNotEqualTo(gen.samples(99).limit(50).toList());
    assertThat(gen.sample(5)).isEqualTo(gen.next(new SplittableRandom(5)));
  }

  @Test
  void mapAndFlatMap_compose() {
    Gen<String> gen = Gens.ints(1, 5).flatMap(n -> Gen.constant("x").list(n, n)).map(l -> String.join("", l));

    assertThat(draw(gen, 200)).allMatch(s -> s.length() >= 1 && s.length() <= 5)
        .extracting(String::length).contains(1, 5);
  }

  @Test
  void frequency_followsTheWeights_andNeverPicksWeightZero() {
    Gen<String> gen = Gen.frequency(Gen.weighted(9, Gen.constant("common")), Gen.weighted(1, Gen.constant("rare")),
        Gen.weighted(0, Gen.constant("never")));

    Map<String, Long> counts = draw(gen, 10_000).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(counts).doesNotContainKey("never");
    assertThat(counts.get("rare")).isBetween(700L, 1300L);
  }

  @Test
  void oneOfAndElements_reachEveryChoice() {
    assertThat(draw(Gen.oneOf(Gen.constant(1), Gen.constant(2), Gen.constant(3)), 300)).contains(1, 2, 3);
    assertThat(draw(Gen.elements("a", "b"), 100)).containsOnly("a", "b").contains("a", "b");
  }

  @Test
  void listOf_staysInItsBounds_andProducesBothLimits() {
    List<List<Integer>> lists = draw(Gen.listOf(Gens.ints(0, 9), 2, 7), 500);

    assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeBetween(2, 7));
    assertThat(lists).extracting(List::size).contains(2, 7);
  }

  @Test
  void optional_isSometimesEmpty() {
    assertThat(draw(Gen.constant("x").optional(), 200)).contains(Optional.empty(), Optional.of("x"));
  }

  @Test
  void filter_keepsOnlyPassingValues_andRefusesAHopelessFilter() {
    assertThat(draw(Gens.ints(0, 100).filter(n -> n % 2 == 0), 200)).allMatch(n -> n % 2 == 0);
    assertThatThrownBy(() -> Gens.ints(0, 10).filter(n -> n > 10).sample(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1000");
  }

  @Test
  void ints_produceTheirEdges() {
    assertThat(draw(Gens.ints(-5, 1_000_000), 300)).contains(-5, 0, 1, 1_000_000)
        .allMatch(n -> n >= -5 && n <= 1_000_000);
  }

  @Test
  void badArguments_areRefusedEarly() {
    assertThatThrownBy(() -> Gens.ints(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.listOf(Gen.constant(1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.frequency(Gen.weighted(0, Gen.constant(1)))).isInstanceOf(IllegalArgumentException.class);
  }
}
