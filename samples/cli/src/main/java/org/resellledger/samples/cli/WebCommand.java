package org.resellledger.samples.cli;

import java.util.concurrent.CountDownLatch;
import org.resellledger.samples.web.WebDashboard;
import org.resellledger.samples.web.WebOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "web", description = {"Serves the local web dashboard over these books on 127.0.0.1 until stopped",
    "(Ctrl-C): overview, today, queues, week, proposals (approve and reject as --as), items and their history."})
final class WebCommand extends BooksCommand {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;
  @Option(names = "--as", paramLabel = "PERSON", required = true,
      description = "The person who decides on the pages (approvals, rejections, status changes).")
  String person;

  WebCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) throws Exception {
    WebDashboard web = WebDashboard.start(books.ledger, books.store, WebOptions.loopback(person).withPort(port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      stopped.countDown();
    }));
    Out out = out();
    out.text("Dashboard of " + books.workspace.value() + " at " + web.uri() + " (Ctrl-C stops it)");
    out.json(Out.obj("workspace", books.workspace.value(), "uri", web.uri().toString()));
    ctx.out().flush();
    stopped.await();
    return 0;
  }
}
