package org.resellledger.csv;

import java.io.IOException;

/** A file-level problem found while reading (encoding, cell size), carrying where it is. */
final class CsvInputException extends IOException {
  private static final long serialVersionUID = 1L;

  final transient ImportErrorCode code;
  final long row;
  final int column;

  CsvInputException(ImportErrorCode code, long row, int column, String message) {
    super(message);
    this.code = code;
    this.row = row;
    this.column = column;
  }
}
