package org.resellledger.samples.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "queues", description = {"The exceptions that need a person, most urgent first (double sales,",
    "late shipments, missing tracking, unmatched provider events, sync errors, ...): each with its subject, the",
    "suggested action, its figures and the events it comes from. --kind: one queue only."})
final class QueuesCommand extends BooksCommand {
  @Option(names = "--kind", paramLabel = "KIND", description = "One queue only: ${COMPLETION-CANDIDATES}.")
  QueueKind kind;
  @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  QueuesCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    if (limit < 1) {
      throw new Usage("--limit '" + limit + "': 1 or more");
    }
    Queues queues = Queues.open(books.store, books.workspace, LedgerConfig.defaults(), QueuePolicy.defaults(),
        Optional.of(books.store));
    List<QueueEntry> found = kind != null ? queues.page(kind, Optional.empty(), limit).rows() : queues.top(limit);
    Out out = out();
    out.text(found.size() + " entr" + (found.size() == 1 ? "y" : "ies") + (kind != null ? " in " + kind : "")
        + " waiting for a person");
    found.forEach(e -> out.text("  " + line(e)));
    out.json(Out.obj("kind", kind == null ? null : kind.name(), "entries", found.stream().map(QueuesCommand::json)
        .toList()));
    return 0;
  }

  /** One entry on one line: priority, queue, subject, summary, action, figures, evidence, due date. */
  static String line(QueueEntry e) {
    return "P" + e.kind().priority() + " " + e.kind() + "  " + e.subject() + "  " + e.summary() + "  -> "
        + e.suggestedAction() + "  " + figures(e.figures()) + "  events " + (e.evidence().isEmpty() ? "-"
            : e.evidence().stream().map(EventId::value).collect(Collectors.joining(",")))
        + e.due().map(d -> "  due " + d).orElse("");
  }

  static String figures(Map<String, String> figures) {
    return figures.entrySet().stream().map(f -> f.getKey() + "=" + f.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static Map<String, Object> json(QueueEntry e) {
    return Out.obj("kind", e.kind().name(), "priority", e.kind().priority(), "subject", e.subject(),
        "summary", e.summary(), "suggestedAction", e.suggestedAction(), "figures", e.figures(),
        "evidence", e.evidence().stream().map(EventId::value).toList(),
        "due", e.due().map(Object::toString).orElse(null));
  }
}
