package org.resellledger.jooq.durability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.jooq.StoreOptions;
import org.resellledger.testkit.gen.Samples;

/**
 * The child process of the durability tests: writes events through the ledger as fast as it can and prints
 * {@code ACK <event id>} for each event of a command that returned, until it is killed. Run as
 * {@code AcknowledgingWriter h2 <directory> <workspace>} or {@code AcknowledgingWriter pg <url> <user>
 * <password> <workspace>}.
 */
public final class AcknowledgingWriter {
  private AcknowledgingWriter() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JooqLedgerStore store;
    WorkspaceId ws;
    if (args[0].equals("h2")) {
      store = JooqLedgerStore.embeddedH2(Path.of(args[1]));
      ws = WorkspaceId.of(args[2]);
    } else {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(args[1]);
      ds.setUser(args[2]);
      ds.setPassword(args.length > 4 ? args[3] : "");
      store = JooqLedgerStore.forDataSource(ds, StoreOptions.builder().migrate(false).build());
      ws = WorkspaceId.of(args[args.length - 1]);
    }
    Ledger ledger = Ledger.open(store, ws, LedgerConfig.defaults().withIds(IdGenerator.uuids()));
    out.println("READY");
    for (int i = 0; ; i++) {
      CommandResult result = ledger.execute(new IntakeItem(Samples.details("DUR-" + i), 1 + i % 5,
          ItemStatus.READY_TO_LIST, Samples.manual("writer")));
      for (LedgerEvent e : result.events()) {
        out.println("ACK " + e.id().value());
      }
    }
  }
}
