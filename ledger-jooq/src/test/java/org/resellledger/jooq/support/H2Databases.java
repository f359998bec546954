package org.resellledger.jooq.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.resellledger.jooq.JooqLedgerStore;

/** Fresh embedded H2 databases for tests, each in its own directory under {@code target/}. */
public final class H2Databases {
  private static final Path ROOT = Path.of("target", "h2-test-databases");

  private H2Databases() {}

  /** A new, empty directory for one database. */
  public static Path newDirectory() {
    try {
      return Files.createDirectories(ROOT.resolve(UUID.randomUUID().toString())).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A store on a database that did not exist before: opening it runs the real migrations. */
  public static JooqLedgerStore freshStore() {
    return JooqLedgerStore.embeddedH2(newDirectory());
  }
}
