package org.resellledger.samples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.samples.channels.shopify.ShopifyMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inbox", description = {"List the channel inbox's entries (PARKED by default).",
    "`inbox ingest FILE` takes in a webhook delivery; `inbox match ENTRY --listing ID` matches a parked one."},
    subcommands = {InboxCommand.Ingest.class, InboxCommand.Match.class})
final class InboxCommand extends BooksCommand {
  @Option(names = "--state", defaultValue = "PARKED", description = "${COMPLETION-CANDIDATES} (default: PARKED).")
  InboxState state;

  InboxCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    List<InboxEntry> entries = books.store.inboxEntries(books.workspace, state, 0, InboxStore.MAX_PAGE);
    Out out = out();
    out.text(entries.size() + " " + state + " entr" + (entries.size() == 1 ? "y" : "ies"));
    entries.forEach(e -> out.text("  " + line(e)));
    out.json(Out.obj("state", state.name(), "entries", entries.stream().map(InboxCommand::json).toList()));
    return 0;
  }

  static String line(InboxEntry e) {
    return e.id() + "  " + e.event().provider() + " " + e.event().topic() + " " + e.event().providerEventId() + "  "
        + e.state() + e.outcome().detail().map(d -> ": " + d).orElse("")
        + (e.outcome().events().isEmpty() ? "" : " (" + e.outcome().events().size() + " event(s))");
  }

  static Object json(InboxEntry e) {
    return Out.obj("id", e.id().value(), "channel", e.event().provider().code(), "topic", e.event().topic(),
        "eventId", e.event().providerEventId(), "state", e.state().name(),
        "detail", e.outcome().detail().orElse(null), "deliveries", e.deliveries(),
        "events", e.outcome().events().stream().map(x -> x.value()).toList());
  }

  /**
   * The processor of these books' inbox for one channel, with the CLI's sale-notice mapper. The channel-id
   * map is not kept by the jOOQ store yet, so a link made by hand lasts for this command (the entry it
   * matched is applied, and stays so).
   */
  static InboxProcessor processor(Books books, Channel channel) {
    // Shopify's own payloads through the channel integration's mapper; eBay's and Etsy's mappers fetch the
    // order from the channel's API, which a file cannot answer: other channels read the CLI's sale notice
    ChannelMapper mapper = channel.equals(Channel.SHOPIFY) ? new ShopifyMapper()
        : new SaleNoticeMapper(channel, books.currency.getCurrencyCode());
    return InboxProcessor.of(books.ledger, books.store, books.store, List.of(mapper));
  }

  @Command(name = "ingest", description = {"Take in one webhook delivery kept in a file, as received, then",
      "process it: Shopify's payloads (--topic orders/create, refunds/create, ...) through the Shopify",
      "integration's mapper; on other channels the CLI's sale notice (topic sale, see the README). What matches",
      "no listing is parked."})
  static final class Ingest extends BooksCommand {
    @Parameters(paramLabel = "FILE") Path file;
    @Option(names = "--channel", required = true) String channel;
    @Option(names = "--event-id", required = true, paramLabel = "ID",
        description = "The provider's event id: a second delivery of it changes nothing.") String eventId;
    @Option(names = "--topic", defaultValue = SaleNoticeMapper.TOPIC,
        description = "The webhook's topic (default: ${DEFAULT-VALUE}; Shopify's: orders/create, ...).")
    String topic;
    @Option(names = "--account", defaultValue = "cli", description = "The shop or seller account it came to.")
    String account;

    Ingest(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) throws java.io.IOException {
      Path path = ctx.workingDir().resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new Refused("FILE '" + file + "': no such file");
      }
      Channel on = Channel.of(channel.toLowerCase(Locale.ROOT));
      ProviderEvent event = ProviderEvent.builder().provider(on).account(account).topic(topic)
          .providerEventId(eventId).receivedAt(Instant.now()).body(Files.readAllBytes(path))
          .signature(SignatureVerdict.NOT_CHECKED).build(); // a file: nobody checked a signature
      Delivered delivered = books.store.receive(books.workspace,
          InboxEntryId.of(LedgerConfig.defaults().ids().next()), event);
      InboxEntry entry = delivered.isRedelivery() ? delivered.entry()
          : processor(books, on).process(delivered.entry().id());
      Out out = out();
      out.text((delivered.isRedelivery() ? "Already in the inbox (delivery " + entry.deliveries() + "): "
          : "Received: ") + line(entry));
      out.json(json(entry));
      return entry.state() == InboxState.FAILED || entry.state() == InboxState.CONFLICT ? 1 : 0;
    }
  }

  @Command(name = "match", description = "Match a PARKED entry to a listing by hand; it is then applied once.")
  static final class Match extends BooksCommand {
    @Parameters(paramLabel = "ENTRY") String entry;
    @Option(names = "--listing", required = true, paramLabel = "ID", description = "The listing it is about.")
    String listing;

    Match(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      InboxEntry parked = books.store.inboxEntry(books.workspace, InboxEntryId.of(entry))
          .orElseThrow(() -> new Refused("ENTRY '" + entry + "': no such inbox entry"));
      InboxEntry matched = processor(books, parked.event().provider())
          .matchByHand(parked.id(), ListingId.of(listing), common.origin(ctx).actor());
      Out out = out();
      out.text("Matched: " + line(matched));
      out.json(json(matched));
      return matched.state() == InboxState.APPLIED ? 0 : 1;
    }
  }
}
