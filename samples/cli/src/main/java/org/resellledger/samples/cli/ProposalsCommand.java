package org.resellledger.samples.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "proposals", description = {"The proposals (changes someone wants; nothing reaches a channel",
    "unapproved): `proposals list` those waiting for a decision (the same as `proposals` alone), `proposals show",
    "ID` one with its evidence, `proposals approve ID --as NAME` and `proposals reject ID --as NAME --reason TEXT`",
    "decide one, as a person."},
    subcommands = {ProposalsCommand.ListPending.class, ProposalsCommand.Show.class, ProposalsCommand.Approve.class,
        ProposalsCommand.Reject.class})
final class ProposalsCommand extends BooksCommand {
  @Option(names = "--blocked", description = "Outbox writes blocked after too many failures, instead of pending.")
  boolean blocked;
  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  ProposalsCommand(Context ctx) {
    super(ctx);
  }

  @Command(name = "list", description = {"The proposals waiting for a decision, oldest first: kind, target and its",
      "channel, parameters, the event that caused it, risk flags, author and id (--blocked: outbox writes that",
      "failed too often)."})
  static final class ListPending extends BooksCommand {
    @Option(names = "--blocked", description = "Outbox writes blocked after too many failures, instead of pending.")
    boolean blocked;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    ListPending(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      return list(books, out(), blocked, limit);
    }
  }

  @Override
  int run(Books books) {
    return list(books, out(), blocked, limit);
  }

  static int list(Books books, Out out, boolean blocked, int limit) {
    ProposalBook book = book(books);
    if (limit < 1) {
      throw new Usage("--limit '" + limit + "': 1 or more");
    }
    List<Proposal> found = blocked ? book.blocked(limit) : book.pending(limit);
    String which = blocked ? "BLOCKED" : "PENDING";
    out.text(found.size() + " " + which + " proposal" + (found.size() == 1 ? "" : "s"));
    found.forEach(p -> out.text("  " + line(p)));
    out.json(Out.obj("state", which, "proposals", found.stream().map(p -> json(p, false)).toList()));
    return 0;
  }

  static ProposalBook book(Books books) {
    return ProposalBook.of(books.ledger, books.store);
  }

  /** One proposal on one line: kind, target and channel, parameters, cause, risks, author, id, state. */
  static String line(Proposal p) {
    return p.kind() + " " + p.target() + p.channel().map(c -> " on " + c).orElse("") + " " + params(p)
        + "  caused by " + p.causation().orElse("-") + "  risks " + risks(p) + "  by " + p.author() + "  id "
        + p.id() + "  " + p.state();
  }

  static String params(Proposal p) {
    return p.params().isEmpty() ? "{}" : p.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String risks(Proposal p) {
    return p.risks().isEmpty() ? "none" : p.risks().stream().map(Enum::name).sorted()
        .collect(Collectors.joining(","));
  }

  static Map<String, Object> json(Proposal p, boolean full) {
    Map<String, Object> m = Out.obj("id", p.id().value(), "kind", p.kind().name(), "state", p.state().name(),
        "target", Out.obj("type", p.target().type().name(), "id", p.target().id()),
        "channel", p.channel().map(c -> c.code()).orElse(null), "params", p.params(), "digest", p.digest(),
        "causation", p.causation().orElse(null), "risks", p.risks().stream().map(Enum::name).sorted().toList(),
        "author", p.author().toString());
    if (full) {
      m.put("targetVersion", p.targetVersion());
      m.put("evidence", Out.obj("events", p.evidence().events().stream().map(e -> e.value()).toList(),
          "figures", p.evidence().figures(), "reasoning", p.evidence().reasoning()));
      m.put("approval", p.approval().map(a -> Out.obj("by", a.by().toString(), "at", a.at().toString(),
          "digest", a.digest(), "expiresAt", a.expiresAt().toString(), "automatic", a.automatic())).orElse(null));
      m.put("outbox", p.outbox().map(o -> Out.obj("queue", o.queue(), "channel", o.channel().code(),
          "idempotencyKey", o.idempotencyKey(), "attempts", o.attempts(),
          "dueAt", o.dueAt().map(Object::toString).orElse(null), "lastError", o.lastError().orElse(null)))
          .orElse(null));
      m.put("replaces", p.replaces().map(ProposalId::value).orElse(null));
      m.put("supersededBy", p.supersededBy().map(ProposalId::value).orElse(null));
      m.put("note", p.note().orElse(null));
      m.put("draftedAt", p.draftedAt().toString());
      m.put("updatedAt", p.updatedAt().toString());
      m.put("version", p.version());
    }
    return m;
  }

  static void show(Out out, Proposal p) {
    out.text(p.id() + "  " + p.kind() + "  " + p.state());
    out.text("  target     " + p.target() + p.channel().map(c -> " on " + c).orElse("") + " (version "
        + p.targetVersion() + ")");
    out.text("  params     " + params(p));
    out.text("  digest     " + p.digest());
    out.text("  author     " + p.author() + ", drafted " + p.draftedAt() + ", updated " + p.updatedAt());
    out.text("  caused by  " + p.causation().orElse("-"));
    out.text("  risks      " + risks(p));
    out.text("  evidence   " + (p.evidence().reasoning().isEmpty() ? "-" : p.evidence().reasoning()));
    p.evidence().events().forEach(e -> out.text("    event    " + e.value()));
    p.evidence().figures().forEach((k, v) -> out.text("    figure   " + k + "=" + v));
    p.approval().ifPresent(a -> out.text("  approval   " + a.by() + " at " + a.at() + (a.automatic() ? " (auto)" : "")
        + ", digest " + a.digest() + ", expires " + a.expiresAt()));
    p.outbox().ifPresent(o -> out.text("  outbox     queue " + o.queue() + " on " + o.channel() + ", key "
        + o.idempotencyKey() + ", " + o.attempts() + " attempt(s)" + o.dueAt().map(d -> ", due " + d).orElse("")
        + o.lastError().map(e -> ", last error: " + e).orElse("")));
    p.replaces().ifPresent(r -> out.text("  replaces   " + r));
    p.supersededBy().ifPresent(s -> out.text("  superseded by " + s));
    p.note().ifPresent(n -> out.text("  note       " + n));
  }

  @Command(name = "show", description = "One proposal with everything it carries, its evidence included.")
  static final class Show extends BooksCommand {
    @Parameters(paramLabel = "ID") String id;

    Show(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      Proposal p = book(books).require(ProposalId.of(id));
      Out out = out();
      show(out, p);
      out.json(json(p, true));
      return 0;
    }
  }

  /** The options of a decision: who decides, as a person. */
  abstract static class Decide extends BooksCommand {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--as", required = true, paramLabel = "NAME",
        description = "The person who decides (the books keep no person of their own, so it is required).")
    String as;

    Decide(Context ctx) {
      super(ctx);
    }

    Origin person() {
      if (as.isBlank()) {
        throw new Usage("--as: a person's name");
      }
      return Origin.manual(as);
    }

    int decided(Books books, Proposal before, String verb) {
      Proposal after = book(books).require(before.id());
      Out out = out();
      out.text(verb + " " + after.id() + ": " + after.kind() + " " + after.target()
          + after.channel().map(c -> " on " + c).orElse("") + " " + params(after) + " -> " + after.state()
          + after.outbox().map(o -> " (in the outbox, queue " + o.queue() + ")").orElse(""));
      out.json(json(after, true));
      return 0;
    }
  }

  @Command(name = "approve", description = {"Approve a pending proposal as shown: the digest passed is the stored",
      "proposal's at this moment (--digest: the one you were shown; refused if it differs)."})
  static final class Approve extends Decide {
    @Option(names = "--digest", paramLabel = "SHA256", description = "The digest you were shown (`proposals show`).")
    String digest;

    Approve(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      Origin by = person();
      Proposal p = book(books).require(ProposalId.of(id));
      // the ledger decides whether the digest shown is the proposal's (PROPOSAL_CHANGED otherwise)
      books.ledger.execute(new ApproveProposal(p.id(), digest != null ? digest : p.digest(), by));
      return decided(books, p, "Approved");
    }
  }

  @Command(name = "reject", description = "Reject a pending (or blocked) proposal, saying why.")
  static final class Reject extends Decide {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
    String reason;

    Reject(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      Origin by = person();
      Proposal p = book(books).require(ProposalId.of(id));
      books.ledger.execute(new RejectProposal(p.id(), reason, by));
      return decided(books, p, "Rejected");
    }
  }
}
