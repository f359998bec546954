package org.resellledger.jooq.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * Fresh embedded H2 databases for tests, each in its own directory under {@code target/}; all of one test
 * JVM's databases are deleted when it exits (the race tests leave hundreds of megabytes otherwise).
 */
public final class H2Databases {
  private static final Path ROOT = Path.of("target", "h2-test-databases", UUID.randomUUID().toString());

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(H2Databases::deleteAll, "delete-h2-test-databases"));
  }

  private H2Databases() {}

  /** A new, empty directory for one database. */
  public static Path newDirectory() {
    try {
      return Files.createDirectories(ROOT.resolve(UUID.randomUUID().toString())).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteAll() {
    if (!Files.exists(ROOT)) {
      return;
    }
    try (var files = Files.walk(ROOT)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: the directory is under target/, which a clean removes anyway
    }
  }

  /** A store on a database that did not exist before: opening it runs the real migrations. */
  public static JooqLedgerStore freshStore() {
    return JooqLedgerStore.embeddedH2(newDirectory());
  }
}
