package org.resellledger.core;

import org.resellledger.core.value.Checks;

/** One seller's books. Every record belongs to exactly one workspace; nothing reads across two. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    value = Checks.text("workspace", value, 64);
  }

  public static WorkspaceId of(String value) {
    return new WorkspaceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
