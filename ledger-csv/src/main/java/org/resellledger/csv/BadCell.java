package org.resellledger.csv;

/** A cell whose text is not a valid value of its column. */
final class BadCell extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient ImportErrorCode code;

  BadCell(ImportErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }
}
