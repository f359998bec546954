package org.resellledger.samples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "items", description = "List the items; `items show SKU` shows one with its listings and history.",
    subcommands = ItemsCommand.Show.class)
final class ItemsCommand extends BooksCommand {
  @Option(names = "--status", description = "Only items in this status.") ItemStatus status;
  @Option(names = "--archived", description = "Include archived items.") boolean archived;

  ItemsCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    List<Item> items = new ArrayList<>(books.ledger.items());
    items.removeIf(i -> (status != null && i.status() != status) || (!archived && status == null && i.archived()));
    items.sort(Comparator.comparing(i -> i.sku().value()));
    Out out = out();
    out.text(String.format("%-16s %-16s %5s %6s  %s", "SKU", "STATUS", "QTY", "AVAIL", "TITLE"));
    for (Item i : items) {
      out.text(String.format("%-16s %-16s %5d %6d  %s", i.sku(), i.status(), i.quantity(), i.available(),
          i.details().title()));
    }
    out.text(items.size() + " item(s)");
    out.json(Out.obj("items", items.stream().map(Out::item).toList()));
    return 0;
  }

  @Command(name = "show", description = "One item: details, units by bucket, listings and every event.")
  static final class Show extends BooksCommand {
    @Parameters(paramLabel = "SKU") String sku;

    Show(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      Item item = books.ledger.requireItem(Sku.of(sku));
      List<HistoryEntry> history = books.ledger.history(item.sku());
      Out out = out();
      var d = item.details();
      out.text(item.sku() + "  " + d.title());
      out.text("  status     " + item.status() + (item.hasConflict() ? "  (DOUBLE SALE: see conflicts)" : ""));
      out.text("  units      " + item.quantity() + " on hand, " + item.available() + " available  "
          + Out.item(item).get("balances"));
      out.text("  category   " + String.join(" > ", d.category().path()));
      out.text("  condition  " + d.condition() + d.brand().map(b -> ", brand " + b).orElse(""));
      out.text("  cost basis " + Out.money(d.costBasis()) + ", acquired " + d.acquiredOn() + ", at " + d.location()
          + ", photos " + d.photoStatus());
      if (!d.specifics().isEmpty()) {
        out.text("  specifics  " + d.specifics());
      }
      out.text("listings (" + item.listings().size() + ")");
      for (Listing l : item.listings().values()) {
        out.text(String.format("  %-38s %-9s %-6s %12s x%d  %s%s", l.id(), l.details().channel(), l.status(),
            Out.money(l.details().price()), l.details().listedQuantity(), l.details().title(),
            l.details().externalId().map(x -> "  #" + x).orElse("")));
      }
      out.text("history (" + history.size() + " events)");
      List<Object> events = new ArrayList<>();
      for (HistoryEntry h : history) {
        LedgerEvent e = h.event();
        out.text(String.format("  %s  %-22s %-24s %-10s %s%s", e.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), e.kind(),
            e.movement().map(Object::toString).orElse(""), e.source(), e.actor(),
            e.reason().map(r -> "  \"" + r + "\"").orElse("")));
        events.add(Out.obj("occurredAt", e.occurredAt().toString(), "kind", e.kind(), "id", e.id().value(),
            "movement", e.movement().map(Object::toString).orElse(null), "source", e.source().name(),
            "actor", e.actor().toString(), "reason", e.reason().orElse(null),
            "causation", e.causation().orElse(null)));
      }
      var json = Out.item(item);
      json.put("history", events);
      out.json(json);
      return 0;
    }
  }
}
