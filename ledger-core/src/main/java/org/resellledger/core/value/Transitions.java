package org.resellledger.core.value;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An explicit transition table over an enum of states: every legal move is listed, every other is illegal. */
public final class Transitions<S extends Enum<S>> {
  private final Map<S, Set<S>> next;

  private Transitions(Map<S, Set<S>> next) {
    this.next = next;
  }

  public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
    return new Builder<>(type);
  }

  public boolean allows(S from, S to) {
    return next.get(from).contains(to);
  }

  public Set<S> from(S state) {
    return next.get(state);
  }

  /** Collects the table; states with no line are terminal. */
  public static final class Builder<S extends Enum<S>> {
    private final Class<S> type;
    private final Map<S, Set<S>> next;

    private Builder(Class<S> type) {
      this.type = type;
      this.next = new EnumMap<>(type);
    }

    @SafeVarargs
    public final Builder<S> from(S state, S... targets) {
      EnumSet<S> set = EnumSet.noneOf(type);
      Collections.addAll(set, targets);
      next.put(state, set);
      return this;
    }

    public Transitions<S> build() {
      Map<S, Set<S>> table = new EnumMap<>(type);
      for (S s : type.getEnumConstants()) {
        table.put(s, Collections.unmodifiableSet(next.getOrDefault(s, EnumSet.noneOf(type))));
      }
      return new Transitions<>(table);
    }
  }
}
