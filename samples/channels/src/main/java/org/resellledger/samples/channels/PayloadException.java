package org.resellledger.samples.channels;

/**
 * A body a channel sent that cannot be read as the channel documents it: malformed JSON, a missing field, a
 * value of the wrong type. Its message names the field and what was expected; it carries no stack trace, since
 * it is an answer about the input, not a failure of the program.
 */
public final class PayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadException(String message) {
    super(message, null, false, false);
  }
}
