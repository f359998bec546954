package org.resellledger.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one CSV file row by row: header first, then each data row to a consumer, never holding more than
 * one row. Computes the SHA-256 of the bytes as they pass, and the key of the content: a SHA-256 of the
 * non-blank records' cells in order (each cell's length and chars), the same for the same rows whatever the line endings, quoting, byte
 * order mark or blank lines. File-level problems (encoding, cell size, broken
 * quoting, a row whose width differs from the header, duplicate or missing columns, an empty file, a header
 * alone) are collected as errors with their row and column; after encoding, size and quoting errors nothing
 * more is read, since what follows cannot be trusted.
 */
final class CsvReading {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
  private static final int MAX_REPORTED_WIDTH_ERRORS = 100;

  private CsvReading() {}

  /** What a read found besides the rows. */
  record Result(String sha256, String content, Header header, List<RowError> errors, List<ImportWarning> warnings, long dataRows) {
    boolean readable() {
      return errors.isEmpty();
    }
  }

  static Result read(CsvSource source, CsvLimits limits, List<Column> columns, List<Column> required,
      Consumer<Row> rows) {
    MessageDigest sha = sha256();
    MessageDigest content = sha256();
    byte[][] buffer = {new byte[4096]};
    List<RowError> errors = new ArrayList<>();
    List<ImportWarning> warnings = new ArrayList<>();
    Header header = null;
    long dataRows = 0;
    try (InputStream raw = source.open(); DigestInputStream in = new DigestInputStream(raw, sha)) {
      CSVParser parser = null;
      GuardedReader reader = new GuardedReader(in, limits.maxFieldChars());
      try {
        parser = FORMAT.parse(reader);
        Iterator<CSVRecord> it = parser.iterator();
        int widthErrors = 0;
        while (it.hasNext()) {
          CSVRecord record = it.next();
          long number = record.getRecordNumber();
          if (isBlank(record)) {
            continue;
          }
          digest(content, record, buffer);
          if (header == null) {
            if (record.size() > limits.maxColumns()) {
              errors.add(RowError.of(number, null, null, ImportErrorCode.COLUMN_COUNT_MISMATCH,
                  "the header has " + record.size() + " columns, more than the limit of " + limits.maxColumns()));
              break;
            }
            header = new Header(record.toList(), columns, required, number);
            errors.addAll(header.errors);
            warnings.addAll(header.warnings);
            if (!errors.isEmpty()) {
              break;
            }
            continue;
          }
          if (record.size() != header.width()) {
            if (widthErrors++ < MAX_REPORTED_WIDTH_ERRORS) {
              boolean more = record.size() > header.width();
              int col = more ? header.width() + 1 : record.size();
              errors.add(RowError.of(number, more ? "#" + col : header.name(col - 1),
                  more ? record.get(header.width()) : null, ImportErrorCode.COLUMN_COUNT_MISMATCH,
                  "the row has " + record.size() + " cells, the header " + header.width()));
            }
            continue;
          }
          dataRows++;
          if (errors.isEmpty()) {
            rows.accept(new Row(number, record, header));
          }
        }
        if (errors.isEmpty()) {
          if (header == null) {
            errors.add(RowError.of(1, null, null, ImportErrorCode.EMPTY_FILE, "the file is empty"));
          } else if (dataRows == 0) {
            errors.add(RowError.of(2, null, null, ImportErrorCode.NO_DATA_ROWS,
                "the file has a header and no data rows"));
          }
        }
      } catch (UncheckedIOException | IOException | IllegalStateException e) {
        errors.add(fileError(e, parser, reader));
      }
      in.transferTo(OutputStream.nullOutputStream()); // the digest covers every byte, even after an error
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
    return new Result(HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(content.digest()), header,
        errors, warnings, dataRows);
  }

  private static RowError fileError(Exception e, CSVParser parser, GuardedReader reader) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    while (!(cause instanceof CsvInputException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof CsvInputException g) {
      String column = g.row > 1 ? reader.headerName(g.column) : "#" + g.column;
      return RowError.of(g.row, column, null, g.code, g.getMessage());
    }
    long row = parser == null ? 1 : parser.getRecordNumber() + 1;
    String message = (e instanceof UncheckedIOException ? e.getCause() : e).getMessage();
    return RowError.of(row, null, null, ImportErrorCode.MALFORMED_CSV,
        "the CSV is malformed (check the quotes of this row): " + message);
  }

  /**
   * Adds one record to the content key: its cell count, then each cell's length in chars and its chars,
   * each as one byte below 0x80 and as a marked three-byte code unit otherwise (prefix-free, so two different
   * records never give the same bytes), through one reusable buffer (no allocation per cell).
   */
  private static void digest(MessageDigest content, CSVRecord record, byte[][] buffer) {
    int size = 4;
    for (String value : record) {
      size += 4 + 3 * value.length();
    }
    if (buffer[0].length < size) {
      buffer[0] = new byte[Math.max(size, 2 * buffer[0].length)];
    }
    byte[] b = buffer[0];
    int at = putInt(b, 0, record.size());
    for (String value : record) {
      at = putInt(b, at, value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          b[at++] = (byte) c;
        } else {
          b[at++] = (byte) 0x80;
          b[at++] = (byte) (c >>> 8);
          b[at++] = (byte) c;
        }
      }
    }
    content.update(b, 0, at);
  }

  private static int putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
    return at + 4;
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
