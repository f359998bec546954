package org.resellledger.core.listing;

import static org.resellledger.core.listing.SyncStatus.*;

import java.util.Set;
import org.resellledger.core.value.Transitions;

/** Where a listing stands on its channel. Moves follow {@link #canMoveTo}; {@link #ARCHIVED} is terminal. */
public enum SyncStatus {
  DRAFT,
  LIVE,
  PAUSED,
  SOLD,
  ENDED,
  ERROR,
  ARCHIVED;

  private static final Transitions<SyncStatus> TABLE =
      Transitions.of(SyncStatus.class)
          .from(DRAFT, LIVE, ERROR, ARCHIVED)
          .from(LIVE, PAUSED, SOLD, ENDED, ERROR)
          .from(PAUSED, LIVE, SOLD, ENDED, ERROR)
          .from(SOLD, LIVE, ENDED, ARCHIVED)
          .from(ENDED, DRAFT, LIVE, ARCHIVED)
          .from(ERROR, DRAFT, LIVE, PAUSED, ENDED, ARCHIVED)
          .build();

  public boolean canMoveTo(SyncStatus target) {
    return TABLE.allows(this, target);
  }

  public Set<SyncStatus> next() {
    return TABLE.from(this);
  }

  /** Whether buyers can currently buy through a listing in this status. */
  public boolean isSellable() {
    return this == LIVE;
  }
}
