package org.resellledger.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.Properties;
import javax.sql.DataSource;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.csv.CsvImporter;
import org.resellledger.csv.JdbcImportHistory;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * One seller's books as the command keeps them: a directory holding {@code resell.properties} (workspace,
 * currency, and the database: the embedded H2 file in the same directory, or a JDBC URL and user) and, for
 * H2, the database file. The password of a database given by URL is never written down: it is read from
 * {@code RESELL_DB_PASSWORD}.
 */
final class Books implements AutoCloseable {
  static final String FILE = "resell.properties";
  static final String DATABASE = "resell-ledger";

  final Path dir;
  final WorkspaceId workspace;
  final Currency currency;
  final String database;
  private final DataSource dataSource;
  final JooqLedgerStore store;
  final Ledger ledger;
  private final boolean embedded;

  private Books(Path dir, Properties p, String password) {
    this.dir = dir;
    this.workspace = WorkspaceId.of(p.getProperty("workspace"));
    this.currency = Currency.getInstance(p.getProperty("currency"));
    String url = p.getProperty("jdbc.url", "");
    this.embedded = url.isEmpty();
    this.database = embedded ? "embedded H2 in " + dir.resolve(DATABASE + ".mv.db") : url;
    this.dataSource = embedded
        ? new UrlDataSource("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve(DATABASE)
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;COMPRESS=TRUE;DB_CLOSE_DELAY=-1", "", "")
        : new UrlDataSource(url, p.getProperty("jdbc.user", ""), password);
    this.store = JooqLedgerStore.forDataSource(dataSource); // migrates the ledger's own schema
    this.ledger = Ledger.open(store, workspace, LedgerConfig.defaults());
  }

  /** Writes the settings and opens (creating and migrating) the database. */
  static Books create(Path dir, String workspace, Currency currency, String url, String user, Context ctx) {
    Properties p = new Properties();
    p.setProperty("workspace", WorkspaceId.of(workspace).value());
    p.setProperty("currency", currency.getCurrencyCode());
    if (url != null) {
      p.setProperty("jdbc.url", url);
      p.setProperty("jdbc.user", user == null ? "" : user);
    }
    Books books = new Books(dir, p, ctx.env().getOrDefault("RESELL_DB_PASSWORD", ""));
    try (Writer w = Files.newBufferedWriter(dir.resolve(FILE))) {
      p.store(w, "resell books: written by `resell init`");
    } catch (IOException e) {
      books.close();
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
    return books;
  }

  static boolean exist(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  static Properties settings(Path dir) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(FILE))) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
    }
    return p;
  }

  static Books open(Path dir, Context ctx) {
    if (!exist(dir)) {
      throw new Refused("no books in " + dir + " (no " + FILE + "): run `resell init` first, or give --dir");
    }
    return new Books(dir, settings(dir), ctx.env().getOrDefault("RESELL_DB_PASSWORD", ""));
  }

  /** The CSV lane of these books, its history kept in the same database. */
  CsvImporter importer() {
    return CsvImporter.create(store, workspace, LedgerConfig.defaults(), JdbcImportHistory.create(dataSource));
  }

  @Override
  public void close() {
    store.close();
    if (embedded) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN"); // the file is closed when the command ends, not at the JVM's exit
      } catch (SQLException e) {
        // already closed
      }
    }
  }
}
