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
 */
public record ImportRequest(ImportKind kind, CsvSource source, ApplyMode mode, Optional<Actor> person,
    Optional<String> reason) {

  public ImportRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(person, "person");
    reason = Objects.requireNonNull(reason, "reason").filter(r -> !r.isBlank()).map(String::strip);
  }

  public static ImportRequest of(ImportKind kind, CsvSource source) {
    return new ImportRequest(kind, source, ApplyMode.ALL_OR_NOTHING, Optional.empty(), Optional.empty());
  }

  public ImportRequest mode(ApplyMode newMode) {
    return new ImportRequest(kind, source, newMode, person, reason);
  }

  public ImportRequest by(Actor who) {
    return new ImportRequest(kind, source, mode, Optional.of(who), reason);
  }

  /** The same request over other bytes of the same file (the apply's spool). */
  ImportRequest from(CsvSource bytes) {
    return new ImportRequest(kind, bytes, mode, person, reason);
  }

  public ImportRequest because(String why) {
    return new ImportRequest(kind, source, mode, person, Optional.ofNullable(why));
  }
}
