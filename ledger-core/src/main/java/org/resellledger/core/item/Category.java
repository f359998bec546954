package org.resellledger.core.item;

import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.RejectionException;
import org.resellledger.core.value.Checks;

/**
 * A category path from broad to narrow, e.g. {@code Clothing > Women > Dresses}. One to six levels, each
 * level non-blank and at most 60 characters.
 */
public record Category(List<String> path) {
  public static final String SEPARATOR = " > ";

  public Category {
    if (path == null || path.isEmpty() || path.size() > 6) {
      throw RejectionException.invalid("category", path, "1 to 6 levels such as 'Clothing > Women > Dresses'");
    }
    List<String> levels = new ArrayList<>(path.size());
    for (String level : path) {
      levels.add(Checks.text("category", level, 60));
    }
    path = List.copyOf(levels);
  }

  /** Parses {@code "Clothing > Women > Dresses"}; '>' and '/' both separate levels. */
  public static Category parse(String text) {
    if (text == null || text.isBlank()) {
      throw RejectionException.invalid("category", text, "1 to 6 levels such as 'Clothing > Women > Dresses'");
    }
    return new Category(List.of(text.split("\\s*[>/]\\s*", -1)));
  }

  public static Category of(String... levels) {
    return new Category(List.of(levels));
  }

  /** The broadest level, used for reports by category. */
  public String top() {
    return path.get(0);
  }

  @Override
  public String toString() {
    return String.join(SEPARATOR, path);
  }
}
