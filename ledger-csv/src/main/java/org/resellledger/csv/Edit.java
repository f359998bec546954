package org.resellledger.csv;

import java.util.Optional;
import java.util.function.Function;

/** A cell's intent for one field, parsed: keep the stored value, clear it, or set a new value. */
final class Edit<T> {
  private static final Edit<?> KEEP = new Edit<>(Cell.Kind.KEEP, null);
  private static final Edit<?> CLEAR = new Edit<>(Cell.Kind.CLEAR, null);

  private final Cell.Kind kind;
  private final T value;

  private Edit(Cell.Kind kind, T value) {
    this.kind = kind;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  static <T> Edit<T> keep() {
    return (Edit<T>) KEEP;
  }

  @SuppressWarnings("unchecked")
  static <T> Edit<T> clear() {
    return (Edit<T>) CLEAR;
  }

  static <T> Edit<T> set(T value) {
    return new Edit<>(Cell.Kind.VALUE, value);
  }

  boolean isKeep() {
    return kind == Cell.Kind.KEEP;
  }

  boolean isClear() {
    return kind == Cell.Kind.CLEAR;
  }

  boolean isSet() {
    return kind == Cell.Kind.VALUE;
  }

  T value() {
    return value;
  }

  /** The field's value after this edit, given its stored value. */
  Optional<T> applyTo(Optional<T> stored) {
    return switch (kind) {
      case KEEP -> stored;
      case CLEAR -> Optional.empty();
      case VALUE -> Optional.of(value);
    };
  }

  <R> Edit<R> map(Function<T, R> f) {
    return kind == Cell.Kind.VALUE ? set(f.apply(value)) : (kind == Cell.Kind.KEEP ? keep() : clear());
  }
}
