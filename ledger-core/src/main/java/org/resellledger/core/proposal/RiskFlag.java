package org.resellledger.core.proposal;

/** Why a change is risky. A flagged proposal is never auto-approved: a person decides. */
public enum RiskFlag {
  /** A listing price below the item's cost basis per unit. */
  PRICE_BELOW_COST_BASIS,
  /** A listing price lower than the current one by more than the workspace's configured share. */
  PRICE_DROP_ABOVE_SHARE,
  /** A listed quantity above the units available. */
  QUANTITY_ABOVE_AVAILABLE,
  /** Publishing (or relisting) an item above the photo threshold whose photos are not complete. */
  HIGH_VALUE_WITHOUT_PHOTOS
}
