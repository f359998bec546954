package org.resellledger.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.resellledger.core.item.Sku;

class LedgerPropertyTest {

  @LedgerProperty(tries = 50)
  void skus_areStoredUpperCase(RandomGenerator random) {
    Sku sku = Gens.skus().next(random);
    assertThat(sku.value()).isEqualTo(sku.value().toUpperCase(Locale.ROOT));
  }

  /** Fails on purpose; run only through the engine below (nested classes are not picked up by surefire). */
  static class AlwaysFails {
    @LedgerProperty(tries = 3)
    void fails(RandomGenerator random) {
      assertThat(random.nextInt(10)).as("a digit").isNegative();
    }
  }

  /** Records the first number each try draws. */
  static class Records {
    static final List<Long> FIRSTS = new ArrayList<>();

    @LedgerProperty(tries = 5)
    void record(RandomGenerator random) {
      FIRSTS.add(random.nextLong());
    }
  }

  private static EngineExecutionResults run(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute();
  }

  @Test
  void aFailingTry_saysItsSeed_andHowToRerunIt() {
    EngineExecutionResults results = run(AlwaysFails.class);

    results.testEvents().assertStatistics(s -> s.started(3).failed(3));
    List<Event> failures = results.testEvents().failed().list();
    for (Event failure : failures) {
      Throwable t = failure.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
          .getThrowable().orElseThrow();
      assertThat(t).isInstanceOf(AssertionError.class)
          .hasMessageContaining("AlwaysFails.fails failed for seed 0x")
          .hasMessageContaining("-Dledger.seed=0x")
          .hasMessageContaining("a digit");
      assertThat(failure.getTestDescriptor().getDisplayName()).matches("try \\d \\(seed 0x[0-9a-f]{16}\\)");
    }
  }

  @Test
  void triesGetDifferentSeeds_andAPinnedSeedRunsOneTryWithExactlyThatSeed() {
    Records.FIRSTS.clear();
    run(Records.class).testEvents().assertStatistics(s -> s.succeeded(5));
    assertThat(Records.FIRSTS).hasSize(5).doesNotHaveDuplicates();

    String old = System.getProperty(Seeds.PROPERTY);
    System.setProperty(Seeds.PROPERTY, "0x2a");
    try {
      Records.FIRSTS.clear();
      run(Records.class).testEvents().assertStatistics(s -> s.succeeded(1));
      assertThat(Records.FIRSTS).containsExactly(new SplittableRandom(42).nextLong());
    } finally {
      if (old == null) {
        System.clearProperty(Seeds.PROPERTY);
      } else {
        System.setProperty(Seeds.PROPERTY, old);
      }
    }
  }

  @Test
  void seeds_parseWhatTheyPrint() {
    for (long seed : new long[] {0, 42, -1, Long.MIN_VALUE, 0x9884da81a8bce1e3L}) {
      assertThat(Seeds.parse(Seeds.format(seed))).isEqualTo(seed);
    }
    assertThat(Seeds.parse("12345")).isEqualTo(12345L);
    assertThat(Seeds.derive(7, 0)).isEqualTo(7);
    assertThat(Seeds.derive(7, 1)).isNotEqualTo(Seeds.derive(7, 2));
  }
}
