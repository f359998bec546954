package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The default ids: version-7 UUIDs that sort in the order they were made. */
class IdGeneratorTest {

  @Test
  void theDefaultIsTimeOrdered() {
    String id = LedgerConfig.defaults().ids().next();
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    long millis = uuid.getMostSignificantBits() >>> 16;
    assertThat(Math.abs(millis - System.currentTimeMillis())).isLessThan(60_000);
  }

  @Test
  void idsSortAsTextInTheOrderTheyWereMade_evenWithinOneMillisecondAndWhenTheClockStepsBack() {
    AtomicLong now = new AtomicLong(Instant.parse("2026-12-02T10:00:00Z").toEpochMilli());
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };
    IdGenerator ids = IdGenerator.timeOrdered(clock, new SplittableRandom(1));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) { // more than the 4,096 a millisecond's counter holds
      made.add(ids.next());
    }
    now.addAndGet(-5_000); // the clock steps back five seconds
    for (int i = 0; i < 100; i++) {
      made.add(ids.next());
    }
    now.addAndGet(60_000);
    made.add(ids.next());
    assertThat(made).isSorted().doesNotHaveDuplicates();
    assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    assertThat(UUID.fromString(made.get(made.size() - 1)).getMostSignificantBits() >>> 16)
        .isEqualTo(now.get());
  }

  @Test
  void sameClockAndRandomness_sameIds() {
    Clock fixed = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    IdGenerator a = IdGenerator.timeOrdered(fixed, new SplittableRandom(7));
    IdGenerator b = IdGenerator.timeOrdered(fixed, new SplittableRandom(7));
    for (int i = 0; i < 100; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void threadsSharingOneGenerator_neverGetTheSameId() throws Exception {
    IdGenerator ids = IdGenerator.timeOrdered();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          seen.add(ids.next());
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(seen).hasSize(80_000);
  }

  @Test
  void twoGeneratorsInTheSameMillisecond_differInTheirRandomBits() {
    Clock fixed = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    Set<String> ids = new HashSet<>();
    for (int g = 0; g < 1_000; g++) {
      ids.add(IdGenerator.timeOrdered(fixed, new SplittableRandom(g)).next());
    }
    assertThat(ids).hasSize(1_000);
  }
}
