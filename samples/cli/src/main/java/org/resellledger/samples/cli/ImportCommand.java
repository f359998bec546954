package org.resellledger.samples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resellledger.csv.ApplyMode;
import org.resellledger.csv.CsvImporter;
import org.resellledger.csv.CsvSource;
import org.resellledger.csv.FieldDiff;
import org.resellledger.csv.ImportKind;
import org.resellledger.csv.ImportOutcome;
import org.resellledger.csv.ImportReport;
import org.resellledger.csv.ImportRequest;
import org.resellledger.csv.ImportWarning;
import org.resellledger.csv.RowError;
import org.resellledger.csv.RowResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {"Preview a CSV file against the books, or apply it (--apply).",
    "Kinds: items, listings, adjustments (the native files), shopify (a Shopify products export),",
    "ebay (an eBay active listings report); without --kind it is told from the header."})
final class ImportCommand extends BooksCommand {
  static final Map<String, ImportKind> KINDS = kinds();

  @Parameters(paramLabel = "FILE") Path file;
  @Option(names = {"-k", "--kind"}, paramLabel = "KIND", description = "items, listings, adjustments, shopify, ebay.")
  String kind;
  @Option(names = "--apply", description = "Apply the file (without it nothing is changed).") boolean apply;
  @Option(names = "--mode", defaultValue = "ALL_OR_NOTHING",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).") ApplyMode mode;
  @Option(names = "--reason", description = "Why: required when the file changes quantities.") String reason;
  @Option(names = {"-d", "--default"}, paramLabel = "FIELD=VALUE",
      description = "For shopify and ebay: a value for a field the export lacks, for every new item "
          + "(acquired_on, location, condition, currency, cost_basis, category, ...). Repeatable.")
  Map<String, String> defaults = new LinkedHashMap<>();
  @Option(names = "--no-progress", description = "No progress bar (it is off anyway when stderr is not a terminal).")
  boolean noProgress;

  ImportCommand(Context ctx) {
    super(ctx);
  }

  private static Map<String, ImportKind> kinds() {
    Map<String, ImportKind> k = new LinkedHashMap<>();
    k.put("items", ImportKind.ITEMS);
    k.put("listings", ImportKind.LISTINGS);
    k.put("adjustments", ImportKind.ADJUSTMENTS);
    k.put("shopify", ImportKind.SHOPIFY_PRODUCTS);
    k.put("ebay", ImportKind.EBAY_LISTINGS);
    return k;
  }

  @Override
  int run(Books books) throws IOException {
    Path path = ctx.workingDir().resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new Refused("FILE '" + file + "': no such file");
    }
    ImportKind k = kind != null ? named(kind) : guess(path);
    ImportRequest request = ImportRequest.of(k, CsvSource.of(path)).mode(mode).by(common.origin(ctx).actor());
    if (reason != null) {
      request = request.because(reason);
    }
    for (Map.Entry<String, String> d : defaults.entrySet()) {
      try {
        request = request.withDefault(d.getKey(), d.getValue());
      } catch (IllegalArgumentException e) {
        throw new Usage("--default " + d.getKey() + "=" + d.getValue() + ": " + e.getMessage());
      }
    }
    CsvImporter importer = books.importer();
    long size = Files.size(path);
    ImportReport report;
    try (Progress progress = Progress.of(ctx, noProgress || common.json, (apply ? "checking " : "reading ")
        + path.getFileName(), size)) {
      CsvSource counted = new CsvSource() {
        @Override
        public String name() {
          return String.valueOf(path.getFileName());
        }

        @Override
        public InputStream open() throws IOException {
          return progress.counting(Files.newInputStream(path));
        }
      };
      request = new ImportRequest(request.kind(), counted, request.mode(), request.person(), request.reason(),
          request.defaults());
      if (apply) {
        // the first pass (validation) reads the file and moves the bar; applying reads the copy it kept
        report = importer.apply(request);
        progress.phase("applied " + path.getFileName());
      } else {
        report = importer.preview(request);
      }
    }
    Out out = out();
    out.text(report.render().stripTrailing());
    if (!apply && report.errors().isEmpty()) {
      out.text("Nothing was changed: the same command with --apply applies it.");
    }
    out.json(json(report));
    boolean ok = apply ? report.outcome() == ImportOutcome.APPLIED || report.outcome() == ImportOutcome.ALREADY_APPLIED
        || report.outcome() == ImportOutcome.APPLIED_VALID_ROWS : report.errors().isEmpty();
    return ok ? 0 : 1;
  }

  static ImportKind named(String name) {
    ImportKind k = KINDS.get(name.strip().toLowerCase(Locale.ROOT));
    if (k == null) {
      try {
        return ImportKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Usage("--kind '" + name + "': one of " + String.join(", ", KINDS.keySet()));
      }
    }
    return k;
  }

  /** The kind a file's header says: Shopify's and eBay's own columns, else the native files' telling ones. */
  static ImportKind guess(Path path) throws IOException {
    String header;
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      header = r.readLine();
    } catch (java.nio.charset.MalformedInputException e) {
      return ImportKind.ITEMS; // the importer reports the bytes
    }
    String h = header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9,]", "");
    List<String> cells = List.of(h.split(","));
    if (cells.contains("variantsku") || cells.contains("handle")) {
      return ImportKind.SHOPIFY_PRODUCTS;
    }
    if (cells.contains("customlabelsku") || cells.contains("itemnumber")) {
      return ImportKind.EBAY_LISTINGS;
    }
    if (cells.contains("delta") || cells.contains("quantitydelta") || cells.contains("adjustment")) {
      return ImportKind.ADJUSTMENTS;
    }
    if (cells.contains("channel")) {
      return ImportKind.LISTINGS;
    }
    return ImportKind.ITEMS;
  }

  static Map<String, Object> json(ImportReport r) {
    List<Object> rows = new ArrayList<>();
    for (RowResult row : r.rows()) {
      rows.add(Out.obj("row", row.row(), "key", row.key(), "sku", row.sku().orElse(null),
          "action", row.action().name(), "status", row.status().name(),
          "changes", row.changes().stream().map(ImportCommand::change).toList(),
          "errors", row.errors().stream().map(ImportCommand::error).toList(), "defaults", row.defaults()));
    }
    return Out.obj("id", r.id().map(Object::toString).orElse(null), "kind", r.kind().name(),
        "mode", r.mode().name(), "file", r.fileName(), "sha256", r.sha256(), "outcome", r.outcome().name(),
        "earlierImport", r.earlierImport().map(Object::toString).orElse(null),
        "summary", Out.obj("rows", r.summary().rows(), "create", r.summary().toCreate(),
            "update", r.summary().toUpdate(), "unchanged", r.summary().unchanged(), "errors", r.summary().errorRows(),
            "warnings", r.summary().warnings(), "applied", r.summary().applied(), "failed", r.summary().failed(),
            "alreadyApplied", r.summary().alreadyApplied()),
        "fileErrors", r.fileErrors().stream().map(ImportCommand::error).toList(),
        "warnings", r.warnings().stream().map(ImportCommand::warning).toList(), "rows", rows);
  }

  private static Object change(FieldDiff d) {
    return Out.obj("column", d.column(), "before", d.before().orElse(null), "after", d.after().orElse(null));
  }

  private static Object error(RowError e) {
    return Out.obj("row", e.row(), "column", e.column().orElse(null), "value", e.value().orElse(null),
        "code", e.code().name(), "message", e.message());
  }

  private static Object warning(ImportWarning w) {
    return Out.obj("text", w.toString());
  }
}
