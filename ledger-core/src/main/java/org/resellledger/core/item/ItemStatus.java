package org.resellledger.core.item;

import static org.resellledger.core.item.ItemStatus.*;

import java.util.Set;
import org.resellledger.core.value.Transitions;

/**
 * Where an item is in the seller's workflow. Separate from order status and from quantities: an item with
 * units can be {@code HELD} or {@code NEEDS_PHOTOS}. Moves follow {@link #canMoveTo}. {@link #ARCHIVED} hides
 * the item from work while every event stays readable; no command moves it out, and the only way back is a
 * fact: a returned unit arriving for an archived item takes it to {@link #NEEDS_INSPECTION}.
 */
public enum ItemStatus {
  NEEDS_PHOTOS,
  READY_TO_LIST,
  LISTED,
  HELD,
  CONSIGNED,
  LOCAL_PICKUP,
  SOLD,
  NEEDS_INSPECTION,
  DAMAGED,
  LOST,
  ARCHIVED;

  private static final Transitions<ItemStatus> TABLE =
      Transitions.of(ItemStatus.class)
          // a returned unit arriving needs work whatever the item was doing (NEEDS_INSPECTION from every
          // status a return can reach, so a return's status does not depend on what arrived before it)
          .from(NEEDS_PHOTOS, READY_TO_LIST, HELD, CONSIGNED, NEEDS_INSPECTION, DAMAGED, LOST, ARCHIVED)
          .from(READY_TO_LIST, NEEDS_PHOTOS, LISTED, HELD, CONSIGNED, LOCAL_PICKUP, SOLD, NEEDS_INSPECTION, DAMAGED,
              LOST, ARCHIVED)
          .from(LISTED, READY_TO_LIST, HELD, LOCAL_PICKUP, SOLD, NEEDS_INSPECTION, DAMAGED, LOST)
          .from(HELD, NEEDS_PHOTOS, READY_TO_LIST, LISTED, DAMAGED, LOST, ARCHIVED)
          .from(CONSIGNED, READY_TO_LIST, LISTED, HELD, SOLD, ARCHIVED)
          .from(LOCAL_PICKUP, READY_TO_LIST, LISTED, SOLD, NEEDS_INSPECTION)
          .from(SOLD, READY_TO_LIST, LISTED, NEEDS_INSPECTION, ARCHIVED)
          .from(NEEDS_INSPECTION, NEEDS_PHOTOS, READY_TO_LIST, LISTED, DAMAGED, ARCHIVED)
          .from(DAMAGED, NEEDS_PHOTOS, READY_TO_LIST, NEEDS_INSPECTION, ARCHIVED)
          .from(LOST, READY_TO_LIST, NEEDS_INSPECTION, ARCHIVED)
          // only a fact can take an item out of the archive: a returned unit arriving back needs work again
          .from(ARCHIVED, NEEDS_INSPECTION)
          .build();

  /** Statuses an item may be taken in with. */
  public static final Set<ItemStatus> INTAKE = Set.of(NEEDS_PHOTOS, READY_TO_LIST, HELD, CONSIGNED);

  /** Statuses that mean work is stuck and must stay visible in queues. */
  public static final Set<ItemStatus> STUCK = Set.of(NEEDS_PHOTOS, HELD, NEEDS_INSPECTION);

  public boolean canMoveTo(ItemStatus target) {
    return TABLE.allows(this, target);
  }

  /** Every status this one may move to; empty for a terminal status. */
  public Set<ItemStatus> next() {
    return TABLE.from(this);
  }
}
