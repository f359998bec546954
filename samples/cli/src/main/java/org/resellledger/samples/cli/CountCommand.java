package org.resellledger.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.count.VarianceLine;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.csv.CountSheet;
import org.resellledger.csv.RowError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "count", description = {"A physical count of one storage location: `count start LOCATION` opens a",
    "session, `count add SESSION SKU N` records N units found (a recount replaces it), `count sheet SESSION FILE`",
    "records a CSV count sheet (sku,counted[,location]), `count close SESSION` closes it, prints the variance and",
    "drafts one ADJUST_FROM_COUNT proposal per SKU that differs (approve them with `proposals approve`)."},
    subcommands = {CountCommand.Start.class, CountCommand.Add.class, CountCommand.Sheet.class,
        CountCommand.Close.class})
final class CountCommand implements Runnable {
  CountCommand(Context ctx) {
    // a group of subcommands: the books are opened by each of them
  }

  @Override
  public void run() {
    throw new Usage("count: start, add, sheet or close");
  }

  static CountBook book(Books books) {
    return CountBook.of(books.ledger, books.store);
  }

  static Map<String, Object> json(CountSession s) {
    return Out.obj("id", s.id().value(), "location", s.location().toString(), "status", s.status().name(),
        "lines", s.lines().stream().map(l -> Out.obj("sku", l.sku().value(), "counted", l.counted(),
            "expected", l.expected().orElse(null))).toList(),
        "report", s.report().stream().map(CountCommand::json).toList(),
        "proposals", s.proposals().stream().map(p -> p.value()).toList());
  }

  static Map<String, Object> json(VarianceLine v) {
    return Out.obj("sku", v.sku().value(), "finding", v.finding().name(), "expected", v.expected(),
        "counted", v.counted(), "variance", v.variance(), "value", v.value().map(Object::toString).orElse(null),
        "ledgerLocation", v.ledgerLocation().map(Object::toString).orElse(null),
        "proposal", v.proposal().map(p -> p.value()).orElse(null));
  }

  @Command(name = "start", description = "Open a count of LOCATION (area, area/shelf or area/shelf/bin) and under it.")
  static final class Start extends BooksCommand {
    @Parameters(paramLabel = "LOCATION") String location;

    Start(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      var result = books.ledger.execute(new OpenCount(StorageLocation.parse(location), common.origin(ctx)));
      CountSession s = book(books).require(CountSessionId.of(result.events().get(0).stream().id()));
      Out out = out();
      out.text("Opened count " + s.id() + " of " + s.location());
      out.json(json(s));
      return 0;
    }
  }

  @Command(name = "add", description = "Record N units of SKU found in the session (0: none found).")
  static final class Add extends BooksCommand {
    @Parameters(index = "0", paramLabel = "SESSION") String session;
    @Parameters(index = "1", paramLabel = "SKU") String sku;
    @Parameters(index = "2", paramLabel = "N") int counted;

    Add(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      CountSessionId id = CountSessionId.of(session);
      books.ledger.execute(new RecordCount(id, Sku.of(sku), counted, common.origin(ctx)));
      CountSession s = book(books).require(id);
      Out out = out();
      out.text("Counted " + counted + " of " + sku + " in " + s.id() + " (" + s.lines().size() + " SKUs so far)");
      out.json(json(s));
      return 0;
    }
  }

  @Command(name = "sheet", description = {"Record a CSV count sheet into the session: columns sku and counted, and",
      "an optional location checked against the session's. Any row in error records nothing."})
  static final class Sheet extends BooksCommand {
    @Parameters(index = "0", paramLabel = "SESSION") String session;
    @Parameters(index = "1", paramLabel = "FILE") Path file;

    Sheet(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) throws IOException {
      Path path = ctx.workingDir().resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new Refused("FILE '" + file + "': no such file");
      }
      CountSheet.Applied applied;
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        applied = CountSheet.apply(r, books.ledger, book(books), CountSessionId.of(session), common.origin(ctx));
      }
      Out out = out();
      if (!applied.errors().isEmpty()) {
        out.text("Recorded nothing: " + applied.errors().size() + " error(s)");
        applied.errors().forEach(e -> out.text("  " + e));
        out.json(Out.obj("recorded", 0, "errors", applied.errors().stream().map(Sheet::error).toList()));
        return 1;
      }
      out.text("Recorded " + applied.recorded() + " line(s) into " + session);
      out.json(Out.obj("recorded", applied.recorded(), "errors", List.of()));
      return 0;
    }

    private static Object error(RowError e) {
      return Out.obj("row", e.row(), "column", e.column().orElse(null), "value", e.value().orElse(null),
          "code", e.code().name(), "message", e.message());
    }
  }

  @Command(name = "close", description = "Close the session: print the variance and the adjustment proposals drafted.")
  static final class Close extends BooksCommand {
    @Parameters(paramLabel = "SESSION") String session;

    Close(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      CountSessionId id = CountSessionId.of(session);
      books.ledger.execute(new CloseCount(id, common.origin(ctx)));
      CountSession s = book(books).require(id);
      Out out = out();
      out.text("Closed count " + s.id() + " of " + s.location() + ": " + s.report().size() + " line(s), "
          + s.proposals().size() + " adjustment proposal(s) drafted");
      for (VarianceLine v : s.report()) {
        out.text(String.format("  %-16s %-11s expected %4d  counted %4d  variance %+4d  value %s%s", v.sku(),
            v.finding(), v.expected(), v.counted(), v.variance(), v.value().map(Object::toString).orElse("-"),
            v.proposal().map(p -> "  proposal " + p).orElse("")
                + v.ledgerLocation().filter(l -> v.finding() == VarianceLine.Finding.ELSEWHERE)
                    .map(l -> "  (the ledger has it at " + l + ")").orElse("")));
      }
      out.json(json(s));
      return 0;
    }
  }
}
