package org.resellledger.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.resellledger.core.ledger.FieldChange;

/**
 * Field-by-field differences between two versions of details, as before/after text. Each concept names
 * its fields in order ({@code ItemRules.FIELDS}, {@code ListingRules.FIELDS}).
 */
public final class Diff {
  private Diff() {}

  public static <T> List<FieldChange> of(Map<String, Function<T, Object>> fields, T before, T after) {
    List<FieldChange> changes = new ArrayList<>();
    fields.forEach((name, get) -> {
      Object b = get.apply(before);
      Object a = get.apply(after);
      if (!Objects.equals(b, a)) {
        changes.add(new FieldChange(name, text(b), text(a)));
      }
    });
    return changes;
  }

  private static Optional<String> text(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(String::valueOf);
    }
    if (value instanceof java.util.Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(value));
  }
}
