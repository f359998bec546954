package org.resellledger.jooq.durability;

import java.nio.file.Path;
import java.util.List;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.jooq.support.H2Databases;

/** The embedded H2 file keeps every acknowledged commit when its process is killed. */
class H2DurabilityTest extends DurabilityScenario {
  private final Path directory = H2Databases.newDirectory();

  @Override
  protected List<String> writerArguments() {
    return List.of("h2", directory.toString());
  }

  @Override
  protected LedgerStore reopen() {
    return JooqLedgerStore.embeddedH2(directory);
  }
}
