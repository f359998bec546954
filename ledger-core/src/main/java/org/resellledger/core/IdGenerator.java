package org.resellledger.core;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where new identities come from. Passed in, so that the domain never draws randomness itself and tests
 * can pin every id.
 */
@FunctionalInterface
public interface IdGenerator {
  /** A new identifier, unique within the workspace. */
  String next();

  /** Random UUIDs: the default for real use. */
  static IdGenerator uuids() {
    return () -> UUID.randomUUID().toString();
  }

  /** {@code prefix1}, {@code prefix2}, ...: deterministic, for tests and demos. Thread-safe. */
  static IdGenerator sequential(String prefix) {
    AtomicLong counter = new AtomicLong();
    return () -> prefix + counter.incrementAndGet();
  }
}
