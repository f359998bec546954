package org.resellledger.jooq.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.store.LedgerStore;

/**
 * A real process kill: a child JVM writes events and prints each acknowledged event id; the test kills it
 * with SIGKILL ({@link Process#destroyForcibly()}) while it is still writing, reopens the database, and
 * finds every acknowledged event, with projections that equal the replay.
 */
abstract class DurabilityScenario {
  /** Acknowledged events to wait for before the kill; the writer is mid-stream by then. */
  static final int ACKS_BEFORE_KILL = 300;

  protected final WorkspaceId ws = WorkspaceId.of("durable-" + UUID.randomUUID());

  /** The writer's arguments before the workspace. */
  protected abstract List<String> writerArguments();

  /** The database reopened after the kill. */
  protected abstract LedgerStore reopen();

  @Test
  void everyAcknowledgedEvent_survivesAKillMidStream() throws Exception {
    List<String> command = new ArrayList<>(javaCommand(AcknowledgingWriter.class));
    command.addAll(writerArguments());
    command.add(ws.value());
    Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<EventId> acknowledged = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(EventId.of(line.substring(4)));
          if (acknowledged.size() == ACKS_BEFORE_KILL) {
            writer.destroyForcibly();
            break;
          }
        }
      }
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("writer killed").isTrue();
    }
    assertThat(acknowledged).as("the writer acknowledged events before it was killed").hasSize(ACKS_BEFORE_KILL);
    assertThat(writer.exitValue()).as("killed, not exited").isNotZero();

    LedgerStore store = reopen();
    try {
      List<LedgerEvent> found = store.events(ws, acknowledged);
      assertThat(found).extracting(LedgerEvent::id).containsExactlyElementsOf(acknowledged);
      assertThat(store.events(ws).size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
      assertThat(Ledger.open(store, ws).replayMatchesProjections()).isTrue();
    } finally {
      if (store instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  /**
   * A {@code java} command that runs {@code main} the way this test runs: on the module path, with the test
   * classes patched into the store's module as surefire does, or else on the class path.
   */
  private static List<String> javaCommand(Class<?> main) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Module module = main.getModule();
    String modulePath = System.getProperty("jdk.module.path");
    if (!module.isNamed() || modulePath == null) {
      return List.of(java, "-cp", classPath, main.getName());
    }
    String testClasses = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    return List.of(java,
        "--module-path", modulePath,
        "--patch-module", module.getName() + "=" + testClasses,
        "--add-reads", module.getName() + "=ALL-UNNAMED",
        "--add-modules", "ALL-MODULE-PATH",
        "-cp", classPath,
        "-m", module.getName() + "/" + main.getName());
  }
}
