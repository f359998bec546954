package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.WorkspaceNotEmptyException;
import org.resellledger.jooq.PayloadJson;
import org.resellledger.testkit.contract.BackupHistory;
import org.resellledger.testkit.gen.Samples;

/**
 * A backup file ({@link CsvBackup}) on the store under test: a varied history from the simulator backed up,
 * restored into an empty workspace and backed up again gives the same bytes and the same books (items,
 * orders, streams of other kinds, replay equal to projections, a redelivered provider event recognised);
 * a workspace with events is refused by name; a corrupt file (bad payload, missing column, broken version
 * sequence, a header without a column) is refused by row and column, with nothing written.
 */
abstract class BackupContract {
  /** The store under test. */
  protected abstract LedgerStore store();

  private static WorkspaceId fresh() {
    return WorkspaceId.of("restore-" + UUID.randomUUID());
  }

  private CsvBackup backup(WorkspaceId ws) {
    return CsvBackup.of(store(), ws, PayloadJson.codec());
  }

  private String write(WorkspaceId ws) {
    StringWriter out = new StringWriter();
    backup(ws).write(out);
    return out.toString();
  }

  /** The four plain exports of a workspace, one text each. */
  private static List<String> exports(Ledger ledger) {
    CsvExporter exporter = CsvExporter.of(ledger);
    List<String> out = new ArrayList<>();
    for (java.util.function.Consumer<StringWriter> export : List.<java.util.function.Consumer<StringWriter>>of(
        exporter::items, exporter::listings, exporter::orders,
        w -> exporter.events(w, java.time.Instant.EPOCH, java.time.Instant.parse("9999-01-01T00:00:00Z")))) {
      StringWriter w = new StringWriter();
      export.accept(w);
      out.add(w.toString());
    }
    assertThat(out.get(2).lines().count()).as("order rows").isGreaterThan(1);
    return out;
  }

  private BackupHistory history() {
    return BackupHistory.record(store(), 0xBAC_0FF_5EEDL, 60);
  }

  @Test
  void backupRestoreBackup_givesTheSameBytes_andTheSameBooks() {
    BackupHistory h = history();
    WorkspaceId src = h.workspace();
    String first = write(src);
    WorkspaceId dst = fresh();

    CsvBackup.Restored restored = backup(dst).restore(new StringReader(first));
    String second = write(dst);

    assertThat(second).isEqualTo(first);
    assertThat(restored.events()).isEqualTo(store().events(src).size());
    assertThat(restored.receipts()).isEqualTo(BackupHistory.receipts(store(), src).size()).isGreaterThanOrEqualTo(2);
    assertThat(restored.items()).isEqualTo(store().items(src).size());
    assertThat(store().items(dst)).isEqualTo(store().items(src));
    assertThat(store().orders(dst)).isEqualTo(store().orders(src)).isNotEmpty();
    for (StreamId s : BackupHistory.otherStreams(store(), src)) {
      assertThat(store().state(dst, s)).as(s.toString()).isEqualTo(store().state(src, s));
    }
    assertThat(rows(first).stream().skip(1).map(r -> r.get(3)).filter(k -> !k.isEmpty()).distinct().count())
        .as("kinds of event in the backup").isGreaterThanOrEqualTo(8);
    Ledger ledger = Ledger.open(store(), dst, Samples.config("after-"));
    assertThat(ledger.replayMatchesProjections()).isTrue();
    Ledger original = Ledger.open(store(), src, Samples.config("before-"));
    assertThat(exports(ledger)).as("the items, listings, orders and events exports of the restored books")
        .isEqualTo(exports(original));

    int before = store().events(dst).size();
    CommandResult again = ledger.execute(h.redelivery());
    assertThat(again.duplicate()).isTrue();
    assertThat(store().events(dst)).hasSize(before);
    assertThat(ledger.applied(BackupHistory.MARK)).isTrue();
  }

  @Test
  void aWorkspaceWithEvents_isRefusedByName_andKeepsItsEvents() {
    BackupHistory h = history();
    String file = write(h.workspace());
    int events = store().events(h.workspace()).size();

    assertThatThrownBy(() -> backup(h.workspace()).restore(new StringReader(file)))
        .isInstanceOfSatisfying(WorkspaceNotEmptyException.class,
            e -> assertThat(e.workspace()).isEqualTo(h.workspace()))
        .hasMessageContaining(h.workspace().value());
    assertThat(store().events(h.workspace())).hasSize(events);
    assertThat(write(h.workspace())).isEqualTo(file);
  }

  @Test
  void aCorruptRow_isRefusedByRowAndColumn_andNothingIsWritten() {
    String file = write(history().workspace());
    List<List<String>> rows = rows(file);
    int payload = CsvBackup.HEADERS.indexOf("payload_json");
    int version = CsvBackup.HEADERS.indexOf("version");
    int lastEvent = lastEventRow(rows);
    WorkspaceId dst = fresh();

    refused(dst, change(rows, lastEvent - 3, r -> set(r, payload, "{\"quantity\":\"many\"}")),
        lastEvent - 3, "payload_json", ImportErrorCode.INVALID_VALUE);
    refused(dst, change(rows, 5, r -> set(r, payload, "{not json")), 5, "payload_json", ImportErrorCode.INVALID_VALUE);
    refused(dst, change(rows, lastEvent, r -> set(r, version, String.valueOf(Long.parseLong(r.get(version)) + 1))),
        lastEvent, "version", ImportErrorCode.VERSION_SEQUENCE);
    refused(dst, change(rows, lastEvent, r -> set(r, version, "1")), lastEvent, "version",
        ImportErrorCode.VERSION_SEQUENCE);
    refused(dst, change(rows, lastEvent - 1, r -> r.subList(0, r.size() - 1)), lastEvent - 1, "receipt_events",
        ImportErrorCode.COLUMN_COUNT_MISMATCH);
    refused(dst, change(rows, 0, r -> { List<String> h = new ArrayList<>(r); h.remove(payload); return h; }), 1,
        "payload_json", ImportErrorCode.MISSING_COLUMN);
    refused(dst, change(rows, 7, r -> set(r, CsvBackup.HEADERS.indexOf("occurred_at"), "yesterday")), 7,
        "occurred_at", ImportErrorCode.INVALID_VALUE);
    refused(dst, change(rows, rows.size(), r -> set(r, CsvBackup.HEADERS.indexOf("receipt_fingerprint"), "")),
        rows.size(), "receipt_fingerprint", ImportErrorCode.REQUIRED);

    // and the file itself still restores into the workspace the refusals left empty
    backup(dst).restore(new StringReader(file));
    assertThat(write(dst)).isEqualTo(file);
  }

  private void refused(WorkspaceId dst, String file, int row, String column, ImportErrorCode code) {
    assertThatThrownBy(() -> backup(dst).restore(new StringReader(file)))
        .isInstanceOfSatisfying(BackupException.class, e -> {
          assertThat(e.error().row()).as(e.getMessage()).isEqualTo(row);
          assertThat(e.error().column()).as(e.getMessage()).contains(column);
          assertThat(e.error().code()).as(e.getMessage()).isEqualTo(code);
        });
    assertThat(store().events(dst)).isEmpty();
    assertThat(BackupHistory.receipts(store(), dst)).isEmpty();
    assertThat(store().items(dst)).isEmpty();
  }

  /** The file's rows as cells, the header first: row {@code n} of an error is index {@code n - 1}. */
  private static List<List<String>> rows(String file) {
    try (CSVParser p = CSVParser.parse(file, CSVFormat.RFC4180)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : p) {
        rows.add(r.toList());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int lastEventRow(List<List<String>> rows) {
    int eventId = CsvBackup.HEADERS.indexOf("event_id");
    int last = 0;
    for (int i = 1; i < rows.size(); i++) {
      if (!rows.get(i).get(eventId).isEmpty()) {
        last = i + 1;
      }
    }
    return last;
  }

  /** The file with row {@code row} (1: the header) changed. */
  private static String change(List<List<String>> rows, int row, UnaryOperator<List<String>> edit) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
      for (int i = 0; i < rows.size(); i++) {
        p.printRecord(i == Math.max(0, row - 1) ? edit.apply(rows.get(i)) : rows.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> set(List<String> row, int column, String value) {
    List<String> copy = new ArrayList<>(row);
    copy.set(column, value);
    return copy;
  }
}
