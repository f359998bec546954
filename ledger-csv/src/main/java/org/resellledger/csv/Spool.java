package org.resellledger.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The bytes an apply works on, read from its source exactly once: a source in memory as it is, any other
 * copied to a temporary file readable by this user only, deleted on {@link #close}. Validation and apply both
 * read the spool, so what is applied is exactly what was validated, even if the file on disk changes.
 */
final class Spool implements CsvSource, AutoCloseable {
  private final CsvSource source;
  private final Path file;

  private Spool(CsvSource source, Path file) {
    this.source = source;
    this.file = file;
  }

  static Spool of(CsvSource source) {
    if (source instanceof CsvSource.InMemory) {
      return new Spool(source, null);
    }
    Path file = null;
    try {
      file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? Files.createTempFile("resell-ledger-import-", ".csv",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile("resell-ledger-import-", ".csv");
      try (InputStream in = source.open()) {
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return new Spool(source, file);
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public InputStream open() throws IOException {
    return file == null ? source.open() : Files.newInputStream(file);
  }

  @Override
  public void close() {
    delete(file);
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
