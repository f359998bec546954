package org.resellledger.core.item;

/** The physical condition of an item, in the words resale marketplaces use, best first. */
public enum Condition {
  NEW_WITH_TAGS,
  NEW_WITHOUT_TAGS,
  NEW_IN_BOX,
  NEW_OPEN_BOX,
  LIKE_NEW,
  EXCELLENT,
  VERY_GOOD,
  GOOD,
  ACCEPTABLE,
  FOR_PARTS
}
