package org.resellledger.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.ChannelSnapshot;
import org.resellledger.core.channel.Reconciliation;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reconcile", description = {"Compare a channel's snapshot of its listings with the books.",
    "FILE: CSV with columns id (the channel's listing id), quantity, status, price [, currency];",
    "a blank cell is not compared. Exit code 1 when they disagree (like diff)."})
final class ReconcileCommand extends BooksCommand {
  @Parameters(paramLabel = "FILE") Path file;
  @Option(names = "--channel", required = true) String channel;

  ReconcileCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) throws IOException {
    Channel on = Channel.of(channel);
    Path path = ctx.workingDir().resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new Refused("FILE '" + file + "': no such file");
    }
    List<ChannelSnapshot.Row> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : parser) {
        String id = cell(rec, "id").orElseThrow(() -> new Refused("row " + (rec.getRecordNumber() + 1)
            + " column id: required"));
        String currency = cell(rec, "currency").orElse(books.currency.getCurrencyCode());
        rows.add(new ChannelSnapshot.Row(ChannelRef.of(on, ChannelRef.LISTING, id),
            cell(rec, "quantity").map(q -> parseInt(rec, q)),
            cell(rec, "status").map(s -> status(rec, s)),
            cell(rec, "price").map(p -> Money.of(p, currency))));
      }
    }
    ChannelSnapshot snapshot = new ChannelSnapshot(on, Instant.now(), rows);
    Reconciliation.Report report = Reconciliation.compare(books.ledger, books.store, snapshot);
    Out out = out();
    out.text("Reconciled " + rows.size() + " " + on + " row(s) with the books: "
        + (report.agrees() ? "they agree" : report.differences().size() + " difference(s), "
            + report.unknown().size() + " unknown, " + report.missing().size() + " missing"));
    for (Reconciliation.Difference d : report.differences()) {
      out.text(String.format("  %-10s %-38s %-10s channel %-14s ledger %-14s%s", d.ref().id(), d.listing(),
          d.field(), d.channel(), d.ledger(), d.evidence().map(e -> "  (event " + e.value() + ")").orElse("")));
    }
    report.unknown().forEach(u -> out.text("  unknown    " + u.id() + ": no listing in the books has this id"));
    report.missing().forEach(m -> out.text("  missing    " + m + ": LIVE in the books, not in the snapshot"));
    out.json(Out.obj("channel", on.code(), "rows", rows.size(), "agrees", report.agrees(),
        "differences", report.differences().stream().map(d -> Out.obj("id", d.ref().id(),
            "listing", d.listing().value(), "field", d.field(), "channel", d.channel(), "ledger", d.ledger(),
            "evidence", d.evidence().map(e -> e.value()).orElse(null))).toList(),
        "unknown", report.unknown().stream().map(ChannelRef::id).toList(),
        "missing", report.missing().stream().map(ListingId::value).toList()));
    return report.agrees() ? 0 : 1;
  }

  private static Optional<String> cell(CSVRecord rec, String column) {
    return rec.isMapped(column) && rec.isSet(column) && !rec.get(column).isBlank()
        ? Optional.of(rec.get(column).strip()) : Optional.empty();
  }

  private static int parseInt(CSVRecord rec, String q) {
    try {
      return Integer.parseInt(q);
    } catch (NumberFormatException e) {
      throw new Refused("row " + (rec.getRecordNumber() + 1) + " column quantity '" + q + "': not a whole number");
    }
  }

  private static SyncStatus status(CSVRecord rec, String s) {
    try {
      return SyncStatus.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Refused("row " + (rec.getRecordNumber() + 1) + " column status '" + s + "': one of "
          + java.util.Arrays.toString(SyncStatus.values()));
    }
  }
}
