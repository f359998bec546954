package org.resellledger.samples.cli;

import java.util.Map;
import java.util.Optional;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageBook;
import org.resellledger.core.message.MessageCommand;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.store.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "messages", description = {"Buyer messages: `messages` alone lists those waiting for a person",
    "(a reply to draft, or a drafted reply to approve), oldest first; `messages show ID` one; `messages reply ID",
    "--text TEXT --as NAME` drafts the reply, a proposal approved with `resell proposals approve`; `messages",
    "close ID --reason TEXT --as NAME` closes one that needs no reply here."},
    subcommands = {MessagesCommand.Show.class, MessagesCommand.Reply.class, MessagesCommand.Close.class})
final class MessagesCommand extends BooksCommand {
  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;
  @Option(names = "--after", paramLabel = "CURSOR", description = "The next page: the cursor the previous one gave.")
  String after;

  MessagesCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    if (limit < 1 || limit > Page.MAX_LIMIT) {
      throw new Usage("--limit '" + limit + "': 1 to " + Page.MAX_LIMIT);
    }
    Page<BuyerMessage> page = book(books).waiting(Optional.ofNullable(after), limit);
    Out out = out();
    out.text(page.rows().size() + " message" + (page.rows().size() == 1 ? "" : "s") + " waiting"
        + page.next().map(n -> " (more: --after '" + n + "')").orElse(""));
    page.rows().forEach(m -> out.text("  " + line(m)));
    out.json(Out.obj("messages", page.rows().stream().map(MessagesCommand::json).toList(),
        "next", page.next().orElse(null)));
    return 0;
  }

  static MessageBook book(Books books) {
    return MessageBook.of(books.ledger, books.store);
  }

  /** One message on one line: id, received, channel, buyer, what it is about, state, reply, text. */
  static String line(BuyerMessage m) {
    return m.id() + "  " + m.receivedAt() + "  " + String.format("%-8s", m.channel()) + " " + m.buyer()
        + m.order().map(o -> "  order " + o).orElse("") + m.listing().map(l -> "  listing " + l).orElse("") + "  "
        + m.state() + m.reply().map(r -> " (reply " + r + ")").orElse("") + "  \"" + oneLine(m.text(), 80) + "\"";
  }

  static String oneLine(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
  }

  static Map<String, Object> json(BuyerMessage m) {
    return Out.obj("id", m.id().value(), "channel", m.channel().code(), "providerMessageId", m.providerMessageId(),
        "order", m.order().map(o -> o.value()).orElse(null), "listing", m.listing().map(l -> l.value()).orElse(null),
        "buyer", m.buyer(), "text", m.text(), "receivedAt", m.receivedAt().toString(), "state", m.state().name(),
        "reply", m.reply().map(ProposalId::value).orElse(null), "note", m.note().orElse(null),
        "received", m.received().value(), "updatedAt", m.updatedAt().toString(), "version", m.version());
  }

  static void show(Out out, BuyerMessage m) {
    out.text(m.id() + "  " + m.state());
    out.text("  from       " + m.buyer() + " on " + m.channel() + " (message " + m.providerMessageId() + "), received "
        + m.receivedAt());
    m.order().ifPresent(o -> out.text("  order      " + o));
    m.listing().ifPresent(l -> out.text("  listing    " + l));
    m.reply().ifPresent(r -> out.text("  reply      proposal " + r + " (`resell proposals show " + r + "`)"));
    m.note().ifPresent(n -> out.text("  note       " + n));
    out.text("  event      " + m.received());
    m.text().lines().forEach(l -> out.text("  | " + l));
  }

  @Command(name = "show", description = "One message: who, about what, its state, its reply proposal and its text.")
  static final class Show extends BooksCommand {
    @Parameters(paramLabel = "ID") String id;

    Show(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      BuyerMessage m = book(books).require(BuyerMessageId.of(id));
      Out out = out();
      show(out, m);
      out.json(json(m));
      return 0;
    }
  }

  /** A person's act on one message: who, the command, and the message after. */
  abstract static class Act extends BooksCommand {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--as", required = true, paramLabel = "NAME",
        description = "The person who does it (the books keep no person of their own, so it is required).")
    String as;

    Act(Context ctx) {
      super(ctx);
    }

    abstract MessageCommand command(BuyerMessage m, Origin by);

    abstract String done(BuyerMessage after);

    @Override
    int run(Books books) {
      if (as.isBlank()) {
        throw new Usage("--as: a person's name");
      }
      BuyerMessage before = book(books).require(BuyerMessageId.of(id));
      books.ledger.execute(command(before, Origin.manual(as)));
      BuyerMessage after = book(books).require(before.id());
      Out out = out();
      out.text(done(after));
      out.json(json(after));
      return 0;
    }
  }

  @Command(name = "reply", description = {"Draft the reply to a message about an order: a SEND_BUYER_REPLY",
      "proposal with the text; nothing is sent until a person approves it (`resell proposals approve`)."})
  static final class Reply extends Act {
    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The reply.") String text;

    Reply(Context ctx) {
      super(ctx);
    }

    @Override
    MessageCommand command(BuyerMessage m, Origin by) {
      return new DraftBuyerReply(m.id(), text, by);
    }

    @Override
    String done(BuyerMessage after) {
      String p = after.reply().map(ProposalId::value).orElse("-");
      return "Drafted the reply to " + after.id() + " -> " + after.state() + ", proposal " + p
          + "\n  approve it: resell proposals approve " + p + " --as NAME";
    }
  }

  @Command(name = "close", description = {"Close a message without a reply here (answered elsewhere, needs no",
      "reply), saying why; a drafted reply waiting for approval is rejected with it."})
  static final class Close extends Act {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it needs no reply here.")
    String reason;

    Close(Context ctx) {
      super(ctx);
    }

    @Override
    MessageCommand command(BuyerMessage m, Origin by) {
      return new CloseMessage(m.id(), reason, by);
    }

    @Override
    String done(BuyerMessage after) {
      return "Closed " + after.id() + " -> " + after.state() + after.note().map(n -> ": " + n).orElse("");
    }
  }
}
