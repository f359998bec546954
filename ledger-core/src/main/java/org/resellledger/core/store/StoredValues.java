package org.resellledger.core.store;

import java.util.function.Supplier;
import org.resellledger.core.value.Checks;

/**
 * For store adapters: reads values back from storage. Bounds the ledger added for new input after records
 * could be stored (at most {@link org.resellledger.core.money.Money#MAX_INTEGER_DIGITS} digits in an
 * amount; no control character or unpaired surrogate in text) are not applied inside a read, so a record
 * stored before a bound existed reads back exactly as it was written. Every other check still applies.
 * Wrap the code that turns stored rows into values, nothing else.
 */
public final class StoredValues {
  private StoredValues() {}

  /** Runs {@code read} with input-only bounds lifted on this thread, and returns its result. */
  public static <T> T read(Supplier<T> read) {
    return Checks.reading(read);
  }
}
