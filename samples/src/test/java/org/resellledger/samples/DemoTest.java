package org.resellledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.resellledger.core.store.InMemoryLedgerStore;

class DemoTest {
  @Test
  void demoWeek_endsWithEveryUnitAccountedFor() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Demo(new InMemoryLedgerStore(), new PrintStream(bytes, true, StandardCharsets.UTF_8)).playWeek();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("DOUBLE SALE conflict")
        .contains("duplicate: nothing changed")
        .contains("the returned mug is in INSPECTION, not for sale")
        .contains("refused: REASON_REQUIRED")
        .contains("Replay of all events equals the stored projections: true")
        .containsPattern("MUG-FIESTA\\s+LISTED\\s+cost 12.00 USD\\s+AVAILABLE=2 COMMITTED=2")
        .containsPattern("LEGO-MF-WIZARD\\s+READY_TO_LIST\\s+cost 6.00 USD\\s+AVAILABLE=1 BUNDLE=-1");
  }
}
