package org.resellledger.samples.web;

/** A request the dashboard refuses with an HTTP status and a sentence for the person (shown escaped). */
final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  WebException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
