package org.resellledger.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.resellledger.core.store.WorkspaceNotEmptyException;
import org.resellledger.csv.BackupException;
import org.resellledger.csv.CsvBackup;
import org.resellledger.jooq.PayloadJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Rebuild the books from a backup (`resell export --backup FILE`).",
    "Only into books without events: run `resell init --dir NEW` first. Every row is checked before anything",
    "is kept; a bad row is named by row and column and nothing is written."})
final class RestoreCommand extends BooksCommand {
  @Parameters(paramLabel = "FILE", description = "The backup file.") Path file;

  RestoreCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) throws IOException {
    Path source = ctx.workingDir().resolve(file);
    CsvBackup.Restored restored;
    try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      restored = CsvBackup.of(books.store, books.workspace, PayloadJson.codec()).restore(in);
    } catch (NoSuchFileException e) {
      throw new Refused("FILE '" + file + "': no such file");
    } catch (BackupException | WorkspaceNotEmptyException e) {
      throw new Refused(e.getMessage());
    }
    Out o = out();
    o.text("Restored " + restored.events() + " event(s) and " + restored.receipts() + " receipt(s) into '"
        + books.workspace.value() + "': " + restored.items() + " item(s), " + restored.orders() + " order(s)");
    o.json(Out.obj("restored", source.toString(), "workspace", books.workspace.value(), "events",
        restored.events(), "receipts", restored.receipts(), "items", restored.items(), "orders", restored.orders()));
    return 0;
  }
}
