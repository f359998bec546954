package org.resellledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.core.store.InMemoryLedgerStore;

class DemoTest {
  @Test
  void demoWeek_endsWithEveryUnitAccountedFor() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Demo(new InMemoryLedgerStore(), "in memory", new PrintStream(bytes, true, StandardCharsets.UTF_8)).playWeek();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .containsPattern("proposal drafted by system:sync\\s+END_LISTING on poshmark, caused by the sale's event \\S+")
        .contains("-> poshmark END_LISTING")
        .containsPattern("the outbox writes to Poshmark\\s+1 written; Poshmark listing now ENDED, proposal APPLIED")
        .doesNotContain("DOUBLE SALE")
        .contains("duplicate: nothing changed")
        .contains("the returned mug is in INSPECTION, not for sale")
        .contains("refused: REASON_REQUIRED")
        .contains("Replay of all events equals the stored projections: true")
        .containsPattern("MUG-FIESTA\\s+LISTED\\s+cost 12.00 USD\\s+AVAILABLE=2 COMMITTED=2")
        .containsPattern("LEGO-MF-WIZARD\\s+READY_TO_LIST\\s+cost 6.00 USD\\s+AVAILABLE=1 BUNDLE=-1");
  }

  @Test
  void demoTwiceOnH2_secondRunFindsTheFirstRunsData(@TempDir Path dir) {
    String first = play(dir);
    String second = play(dir);

    assertThat(first).doesNotContain("Reopened the books");
    assertThat(second)
        .contains("Reopened the books: 6 items and 63 events survived from earlier runs; replay equals the stored"
            + " projections: true. Playing week 2")
        .containsPattern("MUG-FIESTA-W2\\s+LISTED")
        .contains("Replay of all events equals the stored projections: true");
  }

  private static String play(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir)) {
      new Demo(store, "H2", new PrintStream(bytes, true, StandardCharsets.UTF_8)).playWeek();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
