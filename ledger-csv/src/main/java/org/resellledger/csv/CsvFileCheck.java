package org.resellledger.csv;

import java.util.List;
import java.util.Objects;

/**
 * A structural check of a CSV file, without touching any ledger: the same strict reading the importer does
 * (UTF-8, cell size, quoting, row width, header columns), the SHA-256 of the bytes and the number of data
 * rows. A cheap first look at a file, e.g. before a preview or to find its SHA-256 in the import history.
 */
public record CsvFileCheck(String fileName, ImportKind kind, String sha256, long dataRows, List<RowError> errors,
    List<ImportWarning> warnings) {

  public CsvFileCheck {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public static CsvFileCheck of(CsvSource source, ImportKind kind) {
    return of(source, kind, CsvLimits.defaults());
  }

  public static CsvFileCheck of(CsvSource source, ImportKind kind, CsvLimits limits) {
    Objects.requireNonNull(source, "source");
    Lane lane = Lane.of(kind);
    CsvReading.Result r = CsvReading.read(source, limits, lane.columns(), lane.required(), row -> { });
    return new CsvFileCheck(source.name(), kind, r.sha256(), r.dataRows(), r.errors(), r.warnings());
  }

  /** Whether the file can be read as this kind at all. */
  public boolean readable() {
    return errors.isEmpty();
  }
}
