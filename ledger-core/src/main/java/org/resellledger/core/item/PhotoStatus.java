package org.resellledger.core.item;

/** How far the item's photos are done. Publishing a high-value item needs {@link #COMPLETE}. */
public enum PhotoStatus {
  NONE,
  PARTIAL,
  COMPLETE
}
