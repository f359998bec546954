package org.resellledger.testkit.sim;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.resellledger.core.RejectionCode;
import org.resellledger.testkit.gen.Seeds;

/**
 * What a passing simulation ran: how many sequences and steps, which commands on which channels (sales,
 * listings and provider events), which refusals (a refusal
 * with a {@link RejectionCode} is a legitimate outcome, counted here), how many re-deliveries were
 * recognised as duplicates, and how long it took.
 */
public record SimulationReport(
    long seed,
    int sequences,
    long steps,
    Map<String, Long> commandsByKind,
    Map<String, Long> commandsByChannel,
    Map<RejectionCode, Long> rejectionsByCode,
    long duplicates,
    Duration elapsed) {

  public SimulationReport {
    commandsByKind = Map.copyOf(commandsByKind);
    commandsByChannel = Map.copyOf(commandsByChannel);
    rejectionsByCode = Map.copyOf(rejectionsByCode);
  }

  /** Sequences per second of wall-clock time, checks included. */
  public double sequencesPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return sequences / seconds;
  }

  public long rejections() {
    return rejectionsByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A few lines for test output: seed, volume, speed, and the counts by kind and code. */
  public String summary() {
    return String.format("ledger simulation: seed %s, %d sequences, %d steps, %.1f sequences/s (%d ms)%n"
            + "  commands: %s%n  channels: %s%n  rejections (%d): %s%n  duplicates recognised: %d",
        Seeds.format(seed), sequences, steps, sequencesPerSecond(), elapsed.toMillis(), sorted(commandsByKind),
        sorted(commandsByChannel),
        rejections(), sorted(rejectionsByCode), duplicates);
  }

  private static <K> String sorted(Map<K, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<K, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
