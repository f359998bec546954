package org.resellledger.samples.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import org.resellledger.core.proposal.RiskFlag;
import org.resellledger.core.report.DailyDashboard;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", description = {"The day's dashboard: sold and orders by channel, the paid orders",
    "that must ship (by ship-by date), market value changes, buyer messages waiting for a reply, proposals waiting",
    "for approval (risky ones marked), outbox writes blocked, inbox entries waiting, listings in sync ERROR. Each",
    "count names its events; --json lists them."})
final class DashboardCommand extends BooksCommand {
  @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day (default: today in --zone).")
  LocalDate day;
  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "The time zone the day is in (default: ${DEFAULT-VALUE}).")
  ZoneId zone;
  @Option(names = "--currency", paramLabel = "CODE", description = "The currency (default: the books').")
  Currency currency;

  DashboardCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    LocalDate d = day != null ? day : LocalDate.now(zone);
    Currency c = currency != null ? currency : books.currency;
    DailyDashboard board = Reports.open(books.store, books.workspace, Optional.of(books.store)).daily(d, zone, c);
    Out out = out();
    out.text("Dashboard of " + d + " (" + zone + "), " + c.getCurrencyCode());
    Map<String, Figure> sold = new TreeMap<>(board.soldByChannel());
    Map<String, Figure> orders = new TreeMap<>(board.ordersByChannel());
    out.text("sold today (" + sold.size() + " channel(s))");
    sold.forEach((ch, f) -> out.text("  " + String.format("%-10s", ch) + " " + WeeklyCommand.money(f.value()) + " "
        + c.getCurrencyCode() + " in " + Optional.ofNullable(orders.get(ch)).map(o -> o.value().toPlainString())
            .orElse("0") + " order(s)  events " + WeeklyCommand.events(f)));
    out.text("to ship (" + board.toShip().size() + ")");
    board.toShip().forEach(s -> out.text("  " + s.order() + "  " + String.format("%-8s", s.channel()) + " "
        + s.status() + "  ship by " + s.shipBy().map(Object::toString).orElse("-") + "  placed " + s.placedAt()));
    out.text("value changes (" + board.valueChanges().size() + ")");
    board.valueChanges().forEach(v -> out.text("  " + v.sku() + "  " + v.before().map(Out::money).orElse("-")
        + " -> " + Out.money(v.after()) + "  event " + v.event()));
    out.text(figure("needs reply", board.needsReply()) + "  (resell messages)");
    out.text(figure("needs approval", board.needsApproval()) + ", " + figure("risky", board.riskyApprovals())
        + "  (resell proposals)");
    board.approvals().forEach(a -> out.text("  " + a.proposal() + "  " + a.kind() + " " + a.target()
        + (a.risky() ? "  RISKY " + risks(a.risks()) : "") + "  drafted " + a.draftedAt() + "  event " + a.event()));
    out.text(figure("blocked writes", board.blockedWrites()) + "  (resell proposals --blocked)");
    board.blocked().forEach(b -> out.text("  " + b.proposal() + "  " + b.kind() + " " + b.target() + " on "
        + b.channel() + "  " + b.attempts() + " attempt(s), last error: " + b.lastError() + "  event " + b.event()));
    out.text("inbox waiting " + (board.inboxWaiting().isEmpty() ? "none" : new TreeMap<>(board.inboxWaiting())));
    out.text("sync errors (" + board.syncErrors().size() + ")");
    board.syncErrors().forEach(s -> out.text("  " + s.sku() + "  " + s.listing() + " on " + s.channel() + ": "
        + s.error()));
    Map<String, Object> soldJson = new TreeMap<>();
    sold.forEach((ch, f) -> soldJson.put(ch, WeeklyCommand.json(f)));
    Map<String, Object> ordersJson = new TreeMap<>();
    orders.forEach((ch, f) -> ordersJson.put(ch, WeeklyCommand.json(f)));
    out.json(Out.obj("day", d.toString(), "zone", zone.getId(), "currency", c.getCurrencyCode(),
        "soldByChannel", soldJson, "ordersByChannel", ordersJson,
        "toShip", board.toShip().stream().map(s -> Out.obj("order", s.order().toString(), "channel", s.channel(),
            "status", s.status().name(), "shipBy", s.shipBy().map(Object::toString).orElse(null),
            "placedAt", s.placedAt().toString())).toList(),
        "valueChanges", board.valueChanges().stream().map(v -> Out.obj("sku", v.sku(),
            "before", v.before().map(Out::money).orElse(null), "after", Out.money(v.after()),
            "event", v.event().value())).toList(),
        "inboxWaiting", new TreeMap<>(board.inboxWaiting()),
        "syncErrors", board.syncErrors().stream().map(s -> Out.obj("sku", s.sku(), "listing", s.listing().toString(),
            "channel", s.channel(), "error", s.error())).toList(),
        "needsReply", WeeklyCommand.json(board.needsReply()),
        "needsApproval", WeeklyCommand.json(board.needsApproval()),
        "riskyApprovals", WeeklyCommand.json(board.riskyApprovals()),
        "approvals", board.approvals().stream().map(a -> Out.obj("proposal", a.proposal().value(),
            "kind", a.kind().name(), "target", a.target(), "risky", a.risky(), "risks", risks(a.risks()),
            "draftedAt", a.draftedAt().toString(), "event", a.event().value())).toList(),
        "blockedWrites", WeeklyCommand.json(board.blockedWrites()),
        "blocked", board.blocked().stream().map(b -> Out.obj("proposal", b.proposal().value(),
            "kind", b.kind().name(), "target", b.target(), "channel", b.channel(), "attempts", b.attempts(),
            "lastError", b.lastError(), "event", b.event().value())).toList()));
    return 0;
  }

  /** A count with the events it is made of: {@code needs reply 2  (events E1,E2)}. */
  private static String figure(String name, Figure f) {
    return name + " " + WeeklyCommand.amount(f.value()) + "  (events " + (f.parts().isEmpty() ? "-"
        : WeeklyCommand.events(f)) + ")";
  }

  private static List<String> risks(Set<RiskFlag> risks) {
    return risks.stream().map(Enum::name).sorted().toList();
  }
}
