package org.resellledger.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.resellledger.core.Ledger;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionException;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;

/**
 * A physical count sheet: one row per SKU found, columns {@code sku} and {@code counted} (also {@code count},
 * {@code quantity}, {@code qty}), and an optional {@code location} checked against the session's (the same
 * location or one under it). Its rows become the session's {@code RecordCount} commands, through the
 * ledger's public API.
 *
 * <ul>
 *   <li>Every problem is a {@link RowError} naming its row (the header is row 1) and column, with a typed
 *       code: a missing column, a blank or malformed cell, a negative count, a SKU on two rows, a location
 *       outside the session's, and what the ledger refuses (a closed or unknown session, previewed).
 *   <li>{@link #apply} records all rows as one unit, or nothing when any row has an error: nothing already
 *       stored is changed by a sheet with errors.
 * </ul>
 */
public final class CountSheet {
  static final Column SKU = Column.of("sku");
  static final Column COUNTED = Column.of("counted", "count", "quantity", "qty");
  static final Column LOCATION = Column.of("location");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** One row of a sheet, as read. */
  public record Line(long row, Sku sku, int counted) {}

  /** What a sheet holds: its lines, and the errors of its rows (none when it can be applied). */
  public record Read(List<Line> lines, List<RowError> errors) {
    public Read {
      lines = List.copyOf(lines);
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** What {@link #apply} did: the lines recorded, or the errors that stopped it (then nothing was recorded). */
  public record Applied(int recorded, List<RowError> errors) {
    public Applied {
      errors = List.copyOf(errors);
    }
  }

  private CountSheet() {}

  /**
   * Reads a sheet for {@code session} and checks every row: its cells, and what the ledger would say to
   * each row's {@code RecordCount} (a preview; nothing is written).
   */
  public static Read read(Reader csv, Ledger ledger, CountBook counts, CountSessionId session, Origin origin) {
    Objects.requireNonNull(csv, "csv");
    Optional<CountSession> open = counts.session(Objects.requireNonNull(session, "session"));
    List<RowError> errors = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        return new Read(List.of(), List.of(RowError.of(1, null, null, ImportErrorCode.EMPTY_FILE, "the sheet is empty")));
      }
      Map<Column, Integer> at = header(records.get(0), errors);
      if (!errors.isEmpty()) {
        return new Read(List.of(), errors);
      }
      if (records.size() == 1) {
        return new Read(List.of(), List.of(RowError.of(1, null, null, ImportErrorCode.NO_DATA_ROWS,
            "the sheet has a header and no row")));
      }
      Map<Sku, Long> seen = new HashMap<>();
      for (int i = 1; i < records.size(); i++) {
        long row = i + 1;
        CSVRecord r = records.get(i);
        if (r.size() != records.get(0).size()) {
          errors.add(RowError.of(row, null, null, ImportErrorCode.COLUMN_COUNT_MISMATCH,
              "the row has " + r.size() + " cells and the header " + records.get(0).size()));
          continue;
        }
        int before = errors.size();
        Sku sku = sku(row, cell(r, at.get(SKU)), errors);
        Integer counted = counted(row, cell(r, at.get(COUNTED)), errors);
        if (at.containsKey(LOCATION) && open.isPresent()) {
          location(row, cell(r, at.get(LOCATION)), open.get().location(), errors);
        }
        if (sku != null && seen.containsKey(sku)) {
          errors.add(RowError.of(row, SKU.name(), sku.value(), ImportErrorCode.DUPLICATE_IN_FILE,
              "SKU " + sku + " is on row " + seen.get(sku) + " already; count it on one row"));
        } else if (sku != null) {
          seen.put(sku, row);
        }
        if (errors.size() == before) {
          lines.add(new Line(row, sku, counted));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return new Read(List.of(), List.of(RowError.of(1, null, null, ImportErrorCode.MALFORMED_CSV,
          "the sheet is not valid CSV: " + e.getMessage())));
    }
    if (!lines.isEmpty()) {
      previewed(ledger, commands(lines, session, origin), lines, errors);
    }
    errors.sort(java.util.Comparator.comparingLong(RowError::row));
    return new Read(lines, errors);
  }

  /** Reads the sheet and, when no row has an error, records every line into the session as one unit. */
  public static Applied apply(Reader csv, Ledger ledger, CountBook counts, CountSessionId session, Origin origin) {
    Read read = read(csv, ledger, counts, session, origin);
    if (!read.ok()) {
      return new Applied(0, read.errors());
    }
    try {
      ledger.executeAll(commands(read.lines(), session, origin));
    } catch (RejectionException e) {
      long row = e.position().isPresent() ? read.lines().get(e.position().getAsInt()).row() : 1;
      return new Applied(0, List.of(RowError.of(row, column(e), e)));
    }
    return new Applied(read.lines().size(), List.of());
  }

  private static List<RecordCount> commands(List<Line> lines, CountSessionId session, Origin origin) {
    return lines.stream().map(l -> new RecordCount(session, l.sku(), l.counted(), origin)).toList();
  }

  private static void previewed(Ledger ledger, List<RecordCount> commands, List<Line> lines, List<RowError> errors) {
    Preview preview = ledger.preview(commands);
    for (Preview.Step step : preview.steps()) {
      step.rejections().forEach(e -> errors.add(RowError.of(lines.get(step.position()).row(), column(e), e)));
    }
  }

  private static String column(RejectionException e) {
    return switch (e.field()) {
      case "counted" -> COUNTED.name();
      case "sku" -> SKU.name();
      default -> null;
    };
  }

  private static Map<Column, Integer> header(CSVRecord header, List<RowError> errors) {
    Map<Column, Integer> at = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String key = Column.key(i == 0 ? header.get(i).replace("\uFEFF", "") : header.get(i));
      for (Column c : List.of(SKU, COUNTED, LOCATION)) {
        if (c.matches(key)) {
          if (at.putIfAbsent(c, i) != null) {
            errors.add(RowError.of(1, c.name(), header.get(i), ImportErrorCode.DUPLICATE_HEADER,
                "two columns name " + c.name()));
          }
        }
      }
    }
    for (Column required : List.of(SKU, COUNTED)) {
      if (!at.containsKey(required)) {
        errors.add(RowError.of(1, required.name(), null, ImportErrorCode.MISSING_COLUMN,
            "a count sheet needs the columns sku and counted (location is optional)"));
      }
    }
    return at;
  }

  private static String cell(CSVRecord r, int column) {
    return r.get(column).strip();
  }

  private static Sku sku(long row, String text, List<RowError> errors) {
    if (text.isEmpty()) {
      errors.add(RowError.of(row, SKU.name(), null, ImportErrorCode.REQUIRED, "every row needs a SKU"));
      return null;
    }
    try {
      return Sku.of(text);
    } catch (RejectionException e) {
      errors.add(RowError.of(row, SKU.name(), e));
      return null;
    }
  }

  private static Integer counted(long row, String text, List<RowError> errors) {
    if (text.isEmpty()) {
      errors.add(RowError.of(row, COUNTED.name(), null, ImportErrorCode.REQUIRED,
          "the units found, a whole number (0 when none)"));
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      errors.add(RowError.of(row, COUNTED.name(), text, ImportErrorCode.INVALID_VALUE,
          "the units found, a whole number such as 0 or 12"));
      return null;
    }
    if (n < 0) {
      errors.add(RowError.of(row, COUNTED.name(), text, ImportErrorCode.NEGATIVE_QUANTITY,
          "a count is 0 or more units"));
      return null;
    }
    return n;
  }

  private static void location(long row, String text, StorageLocation session, List<RowError> errors) {
    if (text.isEmpty()) {
      return;
    }
    try {
      StorageLocation place = StorageLocation.parse(text);
      if (!CountStreams.covers(session, place)) {
        errors.add(RowError.of(row, LOCATION.name(), text, ImportErrorCode.LOCATION_MISMATCH,
            "this session counts " + session + " and what lies under it"));
      }
    } catch (RejectionException e) {
      errors.add(RowError.of(row, LOCATION.name(), e));
    }
  }
}
