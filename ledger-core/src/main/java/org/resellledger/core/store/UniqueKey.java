package org.resellledger.core.store;

/**
 * A value that at most one stream of a workspace may hold under {@code name} (e.g. a proposal's
 * idempotency key). A commit that gives a stream a key another stream holds fails with a
 * {@link ConcurrencyException}, like a taken SKU.
 */
public record UniqueKey(String name, String value) {
  public UniqueKey {
    if (name == null || name.isBlank() || name.length() > 64 || value == null || value.isEmpty()
        || value.length() > 200) {
      throw new IllegalArgumentException("a unique key has a name (1-64) and a value (1-200 characters)");
    }
  }
}
