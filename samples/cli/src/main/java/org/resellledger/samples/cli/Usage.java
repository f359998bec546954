package org.resellledger.samples.cli;

/** The command line itself is wrong in a way picocli cannot see (exit code 2): names the option and value. */
final class Usage extends RuntimeException {
  Usage(String message) {
    super(message);
  }
}
