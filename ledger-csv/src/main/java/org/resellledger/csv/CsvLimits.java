package org.resellledger.csv;

/**
 * Bounds on what a CSV file may contain, checked while reading so that a hostile file cannot exhaust memory.
 *
 * @param maxFieldChars the longest cell accepted, in characters; a longer one refuses the whole file
 * @param maxColumns the most columns a header may have
 */
public record CsvLimits(int maxFieldChars, int maxColumns) {
  public CsvLimits {
    if (maxFieldChars < 1 || maxColumns < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxFieldChars + ", " + maxColumns);
    }
  }

  /** 65,536 characters per cell (a listing description may be 50,000), 200 columns. */
  public static CsvLimits defaults() {
    return new CsvLimits(65_536, 200);
  }

  public CsvLimits withMaxFieldChars(int chars) {
    return new CsvLimits(chars, maxColumns);
  }
}
