package org.resellledger.csv;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of another tool's export, read by a {@link Profile} into the native lanes' words: the cells of an
 * items row and of a listings row (same row number), or nothing of its own (a continuation row that only
 * carries an image). Its own cells, as a {@link Row}, are the items row's, so the lane finds its SKU.
 */
final class ProfileRow extends Row {
  final Profile profile;
  /** What the row is about when it has no SKU of its own (a handle). */
  final String key;
  /** The items row's cells; null for a row with nothing of its own. */
  final Map<Column, String> item;
  /** The listings row's cells; null when the row makes no listing. */
  final Map<Column, String> listing;
  /** Problems of the row that only the profile sees (a continuation row without its product), in its columns. */
  final List<RowError> errors;
  /** The import's defaults, by native column name. */
  final Map<String, String> defaults;
  /**
   * Fields the profile left blank on purpose for the defaults to fill, with why (a condition word it does not
   * know): said when the default is used.
   */
  final Map<String, String> notes;

  ProfileRow(long number, Profile profile, String key, Map<Column, String> item, Map<Column, String> listing,
      List<RowError> errors, Map<String, String> defaults, Map<String, String> notes) {
    super(number, item == null ? Map.of() : item);
    this.profile = profile;
    this.key = key;
    this.item = item;
    this.listing = listing;
    this.errors = List.copyOf(errors);
    this.defaults = defaults;
    this.notes = notes;
  }

  Optional<String> note(String field) {
    return Optional.ofNullable(notes.get(field));
  }
}
