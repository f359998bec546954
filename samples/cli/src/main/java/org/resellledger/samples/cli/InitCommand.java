package org.resellledger.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", description = {"Start the books: an embedded H2 database in --dir, or PostgreSQL.",
    "With --jdbc-url the ledger's tables go to that database (the password from $RESELL_DB_PASSWORD, never",
    "stored); --dir then keeps only resell.properties."})
final class InitCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin
  Common common;

  @Option(names = "--workspace", paramLabel = "NAME", defaultValue = "my-shop",
      description = "The books' workspace name (default: ${DEFAULT-VALUE}).")
  String workspace;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
      description = "The currency of amounts given without one (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "Keep the books in this database instead, e.g. jdbc:postgresql://127.0.0.1:5432/shop.")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER", description = "The database user for --jdbc-url.")
  String user;

  InitCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = common.dir(ctx);
    Out out = new Out(ctx, common.json);
    Currency code;
    try {
      code = Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Usage("--currency '" + currency + "': not an ISO 4217 currency code such as USD or EUR");
    }
    if (Books.exist(dir)) {
      Properties p = Books.settings(dir);
      boolean same = p.getProperty("workspace").equals(workspace) && p.getProperty("jdbc.url", "")
          .equals(jdbcUrl == null ? "" : jdbcUrl);
      if (!same) {
        throw new Refused("--dir " + dir + " already holds the books of workspace '" + p.getProperty("workspace")
            + "'" + (p.getProperty("jdbc.url", "").isEmpty() ? "" : " on " + p.getProperty("jdbc.url"))
            + "; give another --dir");
      }
      try (Books books = Books.open(dir, ctx)) {
        out.text("Books of '" + books.workspace.value() + "' already in " + dir + " (" + books.database + ")");
        out.json(Out.obj("dir", dir.toString(), "workspace", books.workspace.value(), "database", books.database,
            "created", false));
      }
      return 0;
    }
    Files.createDirectories(dir);
    try (Books books = Books.create(dir, workspace, code, jdbcUrl, user, ctx)) {
      out.text("Started the books of '" + books.workspace.value() + "' in " + dir);
      out.text("  database: " + books.database);
      out.text("  currency: " + books.currency.getCurrencyCode());
      out.text("Next: resell intake --help, or resell import FILE");
      out.json(Out.obj("dir", dir.toString(), "workspace", books.workspace.value(), "database", books.database,
          "currency", books.currency.getCurrencyCode(), "created", true));
    }
    return 0;
  }
}
