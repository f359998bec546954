package org.resellledger.core.store;

import org.resellledger.core.WorkspaceId;

/**
 * A restore was refused because its workspace already holds events or receipts: a backup is restored only
 * into an empty workspace. Nothing was written.
 */
public final class WorkspaceNotEmptyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient WorkspaceId workspace;

  public WorkspaceNotEmptyException(WorkspaceId workspace) {
    super("workspace " + workspace.value() + " is not empty: a backup is restored only into a workspace without "
        + "events");
    this.workspace = workspace;
  }

  public WorkspaceId workspace() {
    return workspace;
  }
}
