package org.resellledger.csv;

import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.ledger.Actor;

/**
 * What to import and how.
 *
 * @param kind which columns the file has
 * @param source the file
 * @param mode what to do with invalid rows; ALL_OR_NOTHING by default
 * @param person the person who runs the import; events then name that person as actor (the import id stays
 *     their causation). Empty: events name {@code Actor.importer(importId)}
 * @param reason why: required when the import changes any quantity (the reason of each AdjustQuantity)
 * @param defaults for a migration profile: values, in the items (or listings) file's cell syntax, of fields
 *     the export lacks, used for every new item whose row leaves that field blank (the report says which
 *     rows used one); keys are native column names ({@link #defaultFields}). Empty for native files
 */
public record ImportRequest(ImportKind kind, CsvSource source, ApplyMode mode, Optional<Actor> person,
    Optional<String> reason, java.util.Map<String, String> defaults) {

  public ImportRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(person, "person");
    reason = Objects.requireNonNull(reason, "reason").filter(r -> !r.isBlank()).map(String::strip);
    defaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Objects.requireNonNull(defaults,
        "defaults")));
    for (java.util.Map.Entry<String, String> d : defaults.entrySet()) {
      if (!defaultFields(kind).contains(d.getKey())) {
        throw unknownField(kind, d.getKey());
      }
      if (d.getValue() == null || d.getValue().isBlank()) {
        throw new IllegalArgumentException("the default for field '" + d.getKey() + "' is blank; give a value");
      }
    }
  }

  public ImportRequest(ImportKind kind, CsvSource source, ApplyMode mode, Optional<Actor> person,
      Optional<String> reason) {
    this(kind, source, mode, person, reason, java.util.Map.of());
  }

  public static ImportRequest of(ImportKind kind, CsvSource source) {
    return new ImportRequest(kind, source, ApplyMode.ALL_OR_NOTHING, Optional.empty(), Optional.empty());
  }

  /**
   * The fields a default may be given for with this kind of file: none for the native kinds; for a profile,
   * the items file's columns the export may lack or leave blank, and the listing's {@code shipping_profile}.
   */
  public static java.util.List<String> defaultFields(ImportKind kind) {
    return kind.profile() ? Profile.DEFAULT_FIELDS : java.util.List.of();
  }

  private static IllegalArgumentException unknownField(ImportKind kind, String field) {
    return new IllegalArgumentException("no default for field '" + field + "' in a " + kind + " import; "
        + (kind.profile() ? "one of " + defaultFields(kind) : "defaults are for migration profiles ("
            + ImportKind.SHOPIFY_PRODUCTS + ", " + ImportKind.EBAY_LISTINGS + ")"));
  }

  /**
   * This request with a default for one field (its native column name, e.g. {@code acquired_on}, any case,
   * spaces or hyphens for {@code _}), used for every new item whose row leaves it blank. The value is read
   * with that column's cell syntax, on each row that uses it, so a bad value is a row error in that column.
   *
   * @throws IllegalArgumentException naming the field and the fields allowed, when this kind takes no
   *     default for it, or when the value is blank
   */
  public ImportRequest withDefault(String field, String value) {
    Objects.requireNonNull(field, "field");
    String key = Column.key(field);
    String name = defaultFields(kind).stream().filter(f -> Column.key(f).equals(key)).findFirst()
        .orElseThrow(() -> unknownField(kind, field));
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the default for field '" + name + "' is blank; give a value");
    }
    java.util.Map<String, String> more = new java.util.TreeMap<>(defaults);
    more.put(name, value.strip());
    return new ImportRequest(kind, source, mode, person, reason, more);
  }

  public ImportRequest mode(ApplyMode newMode) {
    return new ImportRequest(kind, source, newMode, person, reason, defaults);
  }

  public ImportRequest by(Actor who) {
    return new ImportRequest(kind, source, mode, Optional.of(who), reason, defaults);
  }

  /** The same request over other bytes of the same file (the apply's spool). */
  ImportRequest from(CsvSource bytes) {
    return new ImportRequest(kind, bytes, mode, person, reason, defaults);
  }

  public ImportRequest because(String why) {
    return new ImportRequest(kind, source, mode, person, Optional.ofNullable(why), defaults);
  }
}
