package org.resellledger.jooq.internal.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values already read from JSON text, by that text: an item's details and its listings' details change
 * rarely, but every read of the item (one before every command on it) would parse them again. Only for
 * immutable values, so one instance can be handed to every reader. Bounded: when full it starts afresh.
 */
final class ParsedJson<T> {
  private static final int MAX_ENTRIES = 2_048;

  private final Map<String, T> values = new ConcurrentHashMap<>();
  private final Function<String, T> parse;

  ParsedJson(Function<String, T> parse) {
    this.parse = parse;
  }

  T read(String json) {
    T value = values.get(json);
    if (value == null) {
      value = parse.apply(json);
      if (values.size() >= MAX_ENTRIES) {
        values.clear();
      }
      values.put(json, value);
    }
    return value;
  }
}
