package org.resellledger.samples.web;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * Starts the dashboard on an embedded H2 ledger: by default the demo's books ({@code data/demo}, workspace
 * {@code maya-resale}) at http://127.0.0.1:8080/, until stopped with Ctrl-C.
 *
 * <pre>
 * --dir DIR          the H2 database directory (default data/demo, the demo's)
 * --workspace NAME   the workspace (default maya-resale, the demo's)
 * --port N           the port on 127.0.0.1 (default 8080; 0 picks a free one)
 * --person NAME      who the page records as the actor of every change (default: the OS user)
 * --sample           fill empty books with a sample month first
 * </pre>
 */
public final class WebMain {
  private WebMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
    java.util.logging.Logger.getLogger("org.jooq").setLevel(java.util.logging.Level.WARNING);
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Path dir = Path.of("data/demo");
    String workspace = "maya-resale";
    int port = 8080;
    String person = System.getProperty("user.name", "owner");
    boolean sample = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
        case "--workspace" -> workspace = value(args, ++i, "--workspace");
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--person" -> person = value(args, ++i, "--person");
        case "--sample" -> sample = true;
        default -> usage("unknown option " + args[i]);
      }
    }
    JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir.toAbsolutePath());
    Ledger ledger = Ledger.open(store, WorkspaceId.of(workspace));
    if (sample && SampleBooks.fillIfEmpty(ledger, Optional.of(store), person)) {
      System.out.println("Filled the empty books with a sample month.");
    }
    WebDashboard web = WebDashboard.start(ledger, store,
        new WebOptions(InetAddress.getLoopbackAddress(), port, person));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      store.close();
      stopped.countDown();
    }));
    System.out.println("resell ledger dashboard for " + workspace + " (" + dir.toAbsolutePath() + ") at " + web.uri()
        + " ; Ctrl-C stops it");
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: WebMain [--dir DIR] [--workspace NAME] [--port N] [--person NAME] [--sample]");
    System.exit(2);
  }
}
