package org.resellledger.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of a CSV file. An apply opens it once: the importer copies the bytes to a private spool file as it
 * validates them (a source of bytes in memory is read from memory), and applies exactly those bytes, so a file
 * that changes on disk while it is imported cannot mix two versions. A preview opens it once.
 */
public interface CsvSource {
  /** The file name as the user knows it, recorded in the import history. */
  String name();

  /** A fresh stream over the whole file; the caller closes it. */
  InputStream open() throws IOException;

  static CsvSource of(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    return new InMemory(name, bytes.clone());
  }

  /** Bytes held in memory: they cannot change, so an apply reads them as they are. */
  record InMemory(String name, byte[] bytes) implements CsvSource {
    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
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
