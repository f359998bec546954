package org.resellledger.samples.cli;

/** The command was understood but cannot be done (exit code 1), with a message that says why. */
final class Refused extends RuntimeException {
  Refused(String message) {
    super(message);
  }
}
