package org.resellledger.core.store;

import java.util.HashMap;
import java.util.Map;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;

/**
 * The order a restore's events must come in, checked one event at a time in memory per stream (not per
 * event): every event is of the target workspace, and each stream's versions run 1, 2, 3... without a gap or
 * a repeat. What every store's {@link LedgerStore#restore} checks, and what a backup reader checks first.
 */
public final class RestoreOrder {
  private final WorkspaceId workspace;
  private final Map<StreamId, Long> versions = new HashMap<>();

  public RestoreOrder(WorkspaceId workspace) {
    this.workspace = java.util.Objects.requireNonNull(workspace, "workspace");
  }

  /**
   * Takes the next event.
   *
   * @throws IllegalArgumentException naming the event, when it is of another workspace or its version is
   *     not its stream's next
   */
  public void next(LedgerEvent e) {
    if (!e.workspace().equals(workspace)) {
      throw new IllegalArgumentException("event " + e.id() + " is of workspace " + e.workspace().value()
          + ", not " + workspace.value());
    }
    long expected = expectedVersion(e.stream());
    if (e.version() != expected) {
      throw new IllegalArgumentException("event " + e.id() + " has version " + e.version() + " of " + e.stream()
          + ", expected " + expected + " (versions run from 1 without a gap or a repeat)");
    }
    versions.put(e.stream(), e.version());
  }

  /** The version the next event of {@code stream} must have. */
  public long expectedVersion(StreamId stream) {
    return versions.getOrDefault(stream, 0L) + 1;
  }
}
