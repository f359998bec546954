package org.resellledger.csv;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill test on the embedded H2 store (the zero set-up default). */
class H2KillDuringImportTest extends KillDuringImportScenario {
  @TempDir
  Path dir;

  @Override
  String kind() {
    return "h2";
  }

  @Override
  String where() {
    return dir.resolve("db").toString();
  }

  @Test
  void killAtSeveralPoints() throws Exception {
    killAtSeveralPoints_leavesWholeUnits_andTheRerunAppliesTheRestOnce(dir);
  }
}
