package org.resellledger.core.item;

/** The box or packaging an item comes with. */
public enum BoxCondition {
  SEALED,
  ORIGINAL_BOX_GOOD,
  ORIGINAL_BOX_WORN,
  ORIGINAL_BOX_DAMAGED,
  NO_ORIGINAL_BOX,
  NOT_APPLICABLE
}
