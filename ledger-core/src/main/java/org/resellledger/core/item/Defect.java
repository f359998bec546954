package org.resellledger.core.item;

import java.util.Optional;
import org.resellledger.core.value.Checks;

/** One flaw a buyer should know about: what kind, where on the item, how bad, and an optional note. */
public record Defect(Kind kind, String where, Severity severity, Optional<String> note) {
  public Defect {
    Checks.present("defect.kind", kind);
    where = Checks.text("defect.where", where, 80);
    Checks.present("defect.severity", severity);
    note = Checks.present("defect.note", note).map(n -> Checks.text("defect.note", n, 500));
  }

  public static Defect of(Kind kind, String where, Severity severity) {
    return new Defect(kind, where, severity, Optional.empty());
  }

  /** The kinds of flaw resellers disclose. */
  public enum Kind {
    STAIN, HOLE, TEAR, SCRATCH, DENT, CHIP, CRACK, FADING, PILLING, ODOR, MISSING_PART, NOT_WORKING,
    WEAR, REPAIR, OTHER
  }

  /** How much the flaw matters to a buyer. */
  public enum Severity {
    MINOR, MODERATE, MAJOR
  }
}
