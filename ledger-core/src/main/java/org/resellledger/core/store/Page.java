package org.resellledger.core.store;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;

/**
 * One page of a keyset-paginated read: the rows, and the cursor to pass as {@code after} for the next page.
 *
 * <ul>
 *   <li>{@code next} is present when the page is full (there may be more), and is the cursor of its last row:
 *       for items the SKU ({@link ItemQuery#cursor}), for orders {@link OrderQuery#cursor}, for events a
 *       position only the store that gave it understands.
 *   <li>Rows written after a page was read and ordered after its cursor appear on later pages; no row is
 *       returned twice by one walk of the pages.
 * </ul>
 */
public record Page<T>(List<T> rows, Optional<String> next) {
  /** The most rows one page holds. */
  public static final int MAX_LIMIT = 1_000;

  public Page {
    rows = List.copyOf(rows);
  }

  /** Checks a page size: 1 to {@value #MAX_LIMIT}. */
  public static int limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RejectionException.invalid("limit", limit, "1 to " + MAX_LIMIT + " rows a page");
    }
    return limit;
  }

  /** A page of {@code rows} read with {@code limit}, its cursor taken from the last row when full. */
  public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursor) {
    return new Page<>(rows, rows.size() < limit ? Optional.empty() : Optional.of(cursor.apply(rows.get(rows.size() - 1))));
  }
}
