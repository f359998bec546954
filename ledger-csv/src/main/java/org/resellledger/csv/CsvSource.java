package org.resellledger.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of a CSV file, which the importer may read twice (once to validate, once to apply) so that it
 * never holds all rows in memory. Each {@link #open()} must give the same bytes; the importer compares the
 * SHA-256 of both reads and refuses to go on when they differ.
 */
public interface CsvSource {
  /** The file name as the user knows it, recorded in the import history. */
  String name();

  /** A fresh stream over the whole file; the caller closes it. */
  InputStream open() throws IOException;

  static CsvSource of(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    byte[] copy = bytes.clone();
    return new CsvSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }
    };
  }

  static CsvSource of(Path path) {
    Objects.requireNonNull(path, "path");
    return new CsvSource() {
      @Override
      public String name() {
        return String.valueOf(path.getFileName());
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }
    };
  }
}
