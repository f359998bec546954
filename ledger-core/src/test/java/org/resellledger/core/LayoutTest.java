package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of issue #9, checked on the sources: value packages never import the engine or a
 * behaviour package, the engine stays small, and no file holds every command or every fact.
 */
class LayoutTest {
  private static final Path MAIN = Path.of("src/main/java/org/resellledger/core");
  private static final List<String> VALUE_PACKAGES =
      List.of("item", "listing", "order", "bundle", "money", "ledger", "command", "value", "inbox");

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void valuePackages_importNeitherTheEngineNorBehaviour() throws IOException {
    for (String pkg : VALUE_PACKAGES) {
      for (Path file : sources(MAIN.resolve(pkg))) {
        if (file.toString().contains("/internal/")) {
          continue; // a concept's behaviour package, which runs on the engine
        }
        assertThat(Files.readAllLines(file)).as(file.toString())
            .noneMatch(l -> l.startsWith("import org.resellledger.core.engine"))
            .noneMatch(l -> l.matches("import (static )?org\\.resellledger\\.core\\.\\w+\\.internal\\..*"));
      }
    }
  }

  @Test
  void everyEngineFile_isUnder250Lines() throws IOException {
    for (Path file : sources(MAIN.resolve("engine"))) {
      assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThan(250);
    }
  }

  @Test
  void noFile_holdsEveryCommandOrEveryFact() throws IOException {
    for (Path file : sources(MAIN)) {
      String text = Files.readString(file);
      assertThat(text.contains("record IntakeItem") && text.contains("record IssueRefund")).as(file.toString())
          .isFalse();
      assertThat(text.contains("record ItemAcquired") && text.contains("record RefundIssued")).as(file.toString())
          .isFalse();
    }
  }
}
