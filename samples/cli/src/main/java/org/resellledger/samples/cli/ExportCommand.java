package org.resellledger.samples.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.resellledger.csv.CsvBackup;
import org.resellledger.csv.CsvExporter;
import org.resellledger.jooq.PayloadJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = {"Write the books as CSV: items, listings, orders or events.",
    "Items and listings files re-import with no change.",
    "--backup FILE writes every event and receipt instead, a file `resell restore` rebuilds the books from."})
final class ExportCommand extends BooksCommand {
  @Parameters(paramLabel = "WHAT", arity = "0..1", description = "items, listings, orders or events.") String what;
  @Option(names = "--backup", paramLabel = "FILE",
      description = "Write a backup of the books to FILE (every event and receipt; see `resell restore`).")
  Path backup;
  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
  Path file;
  @Option(names = "--from", paramLabel = "DATE", description = "events: from this day (UTC), default 2000-01-01.")
  LocalDate from;
  @Option(names = "--to", paramLabel = "DATE", description = "events: to this day, included (default: today).")
  LocalDate to;
  @Option(names = "--no-progress", description = "No progress bar.") boolean noProgress;

  ExportCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) throws IOException {
    if (backup != null) {
      return backup(books);
    }
    if (what == null) {
      throw new Usage("WHAT is needed: one of items, listings, orders, events (or --backup FILE)");
    }
    String kind = what.strip().toLowerCase(Locale.ROOT);
    long total = switch (kind) {
      case "items" -> books.ledger.items().size();
      case "listings" -> books.ledger.items().stream().mapToLong(i -> i.listings().size()).sum();
      case "orders", "events" -> 0; // not known before they are read: the bar counts rows
      default -> throw new Usage("WHAT '" + what + "': one of items, listings, orders, events");
    };
    Path target = file == null ? null : ctx.workingDir().resolve(file);
    CsvExporter exporter = CsvExporter.of(books.ledger);
    long rows;
    try (Progress progress = Progress.of(ctx, noProgress || file == null || common.json,
        "exporting " + kind, total);
        Writer raw = target == null ? new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8)
            : Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        Writer out = rowCounting(raw, progress)) {
      rows = switch (kind) {
        case "items" -> exporter.items(out);
        case "listings" -> exporter.listings(out);
        case "orders" -> exporter.orders(out);
        default -> exporter.events(out, from != null ? from : LocalDate.of(2000, 1, 1),
            to != null ? to : LocalDate.now(java.time.ZoneOffset.UTC));
      };
      out.flush();
    }
    if (target != null) {
      Out o = out();
      o.text("Exported " + rows + " row(s) of " + kind + " to " + file);
      o.json(Out.obj("what", kind, "file", target.toString(), "rows", rows));
    }
    return 0;
  }

  private int backup(Books books) throws IOException {
    if (what != null) {
      throw new Usage("--backup writes every event and receipt: give no WHAT ('" + what + "') with it");
    }
    Path target = ctx.workingDir().resolve(backup);
    long rows;
    try (Progress progress = Progress.of(ctx, noProgress || common.json, "backing up", 0);
        Writer out = rowCounting(Files.newBufferedWriter(target, StandardCharsets.UTF_8), progress)) {
      rows = CsvBackup.of(books.store, books.workspace, PayloadJson.codec()).write(out);
      out.flush();
    }
    Out o = out();
    o.text("Backed up " + rows + " row(s) (events and receipts) of '" + books.workspace.value() + "' to " + backup);
    o.json(Out.obj("backup", target.toString(), "workspace", books.workspace.value(), "rows", rows));
    return 0;
  }

  /** Moves the bar by the CRLF-ended records written (the header included, so a row a line). */
  private static Writer rowCounting(Writer out, Progress progress) {
    return new FilterWriter(out) {
      private boolean first = true;

      @Override
      public void write(int c) throws IOException {
        super.write(c);
        count(c);
      }

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        super.write(buf, off, len);
        for (int i = off; i < off + len; i++) {
          count(buf[i]);
        }
      }

      @Override
      public void write(String s, int off, int len) throws IOException {
        super.write(s, off, len);
        for (int i = off; i < off + len; i++) {
          count(s.charAt(i));
        }
      }

      private void count(int c) {
        if (c == '\n') {
          if (first) {
            first = false; // the header
          } else {
            progress.advance(1);
          }
        }
      }

      @Override
      public void close() throws IOException {
        flush(); // standard output stays open for whatever comes after
      }
    };
  }
}
