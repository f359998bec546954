package org.resellledger.samples.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import org.resellledger.core.report.WeeklyReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "weekly", description = {"The review of the days --from to --to (both included): sales, fees, cash",
    "collected (per channel), fees withheld, refunds, shipping spend, margin (sale price - fees - shipping - cost",
    "basis of the units sold), stock (from the events and from the stored items), stale items, missing photos and",
    "listings, and units sold, on hand, sell-through and margin by category and by acquisition source. Each",
    "figure names how many events it is made of; --json lists them with their contributions."})
final class WeeklyCommand extends BooksCommand {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The first day.")
  LocalDate from;
  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "The last day (included).")
  LocalDate to;
  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "The time zone the days are in (default: ${DEFAULT-VALUE}).")
  ZoneId zone;
  @Option(names = "--currency", paramLabel = "CODE", description = "The currency (default: the books').")
  Currency currency;
  @Option(names = "--stale-days", paramLabel = "N", defaultValue = "30",
      description = "An item with units available and no sale for this many days is stale (default: ${DEFAULT-VALUE}).")
  int staleDays;

  WeeklyCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    if (to.isBefore(from)) {
      throw new Usage("--to '" + to + "': on or after --from " + from);
    }
    if (staleDays < 1) {
      throw new Usage("--stale-days '" + staleDays + "': 1 or more");
    }
    Currency c = currency != null ? currency : books.currency;
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant before = to.plusDays(1).atStartOfDay(zone).toInstant();
    WeeklyReview r = Reports.open(books.store, books.workspace, Optional.of(books.store))
        .weekly(start, before, c, Duration.ofDays(staleDays));
    Out out = out();
    String cur = c.getCurrencyCode();
    out.text("Weekly review " + from + " to " + to + " (" + zone + "), " + cur);
    out.text(row("sales", r.sales(), cur));
    out.text(row("fees", r.fees(), cur));
    out.text(row("cash collected", r.cashCollected(), cur));
    r.cashByChannel().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.text(row("  on " + e.getKey(), e.getValue(), cur)));
    out.text(row("fees withheld", r.feesWithheld(), cur));
    out.text(row("refunds", r.refunds(), cur));
    out.text(row("shipping spend", r.shippingSpend(), cur));
    out.text(row("margin", r.margin(), cur));
    out.text(row("stock units", r.stock().ledgerUnits(), "") + "; stored items: " + r.stock().projectionUnits()
        + (r.stock().agrees() ? " (agree)" : " (DISAGREE)"));
    out.text(row("stock cost", r.stock().ledgerCost(), cur) + "; stored items: "
        + money(r.stock().projectionCost()) + " " + cur);
    out.text(row("last count units", r.stock().lastCount(), "") + " (the last closed count of each location)");
    out.text(row("stale items", r.staleItems(), ""));
    out.text(row("missing photos", r.missingPhotos(), ""));
    out.text(row("missing listings", r.missingListings(), ""));
    groups(out, "by category", r.byCategory(), cur);
    groups(out, "by source", r.bySource(), cur);
    out.json(Out.obj("from", from.toString(), "to", to.toString(), "zone", zone.getId(), "currency", cur,
        "range", Out.obj("from", r.from().toString(), "before", r.before().toString()),
        "sales", json(r.sales()), "fees", json(r.fees()), "cashCollected", json(r.cashCollected()),
        "cashByChannel", r.cashByChannel().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .collect(Collectors.toMap(Map.Entry::getKey, e -> json(e.getValue()), (a, b) -> a,
                java.util.LinkedHashMap::new)),
        "feesWithheld", json(r.feesWithheld()), "refunds", json(r.refunds()),
        "shippingSpend", json(r.shippingSpend()), "margin", json(r.margin()),
        "stock", Out.obj("units", json(r.stock().ledgerUnits()), "cost", json(r.stock().ledgerCost()),
            "storedUnits", r.stock().projectionUnits(), "storedCost", money(r.stock().projectionCost()),
            "agrees", r.stock().agrees(), "lastCount", json(r.stock().lastCount())),
        "staleItems", json(r.staleItems()), "missingPhotos", json(r.missingPhotos()),
        "missingListings", json(r.missingListings()),
        "byCategory", r.byCategory().stream().map(WeeklyCommand::json).toList(),
        "bySource", r.bySource().stream().map(WeeklyCommand::json).toList()));
    return 0;
  }

  private static void groups(Out out, String title, List<WeeklyReview.Group> groups, String cur) {
    out.text(title + " (" + groups.size() + ")");
    groups.forEach(g -> out.text("  " + String.format("%-20s", g.name()) + " sold " + amount(g.unitsSold().value())
        + ", on hand " + g.unitsOnHand() + ", sell-through " + percent(g.sellThrough()) + ", margin "
        + money(g.margin().value()) + " " + cur));
  }

  private static String row(String name, Figure f, String unit) {
    return String.format("%-18s", name) + " " + (unit.isEmpty() ? amount(f.value()) : money(f.value()) + " " + unit)
        + "  ("
        + f.parts().size() + " event part(s))";
  }

  /** An amount as it is, at least 2 decimal places for money, never rounded. */
  static String amount(BigDecimal v) {
    BigDecimal plain = v.stripTrailingZeros();
    if (plain.scale() <= 0 && v.scale() == 0) {
      return plain.toPlainString(); // a count
    }
    return (plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain).toPlainString();
  }

  /** An amount of money: at least 2 decimal places, never rounded. */
  static String money(BigDecimal v) {
    return v.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : amount(v);
  }

  static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  static String events(Figure f) {
    return f.parts().stream().map(p -> p.event().value()).distinct().collect(Collectors.joining(","));
  }

  static Map<String, Object> json(Figure f) {
    return Out.obj("value", amount(f.value()), "parts", f.parts().stream()
        .map(p -> Out.obj("event", p.event().value(), "value", amount(p.value()))).toList());
  }

  static Map<String, Object> json(WeeklyReview.Group g) {
    return Out.obj("name", g.name(), "unitsSold", json(g.unitsSold()), "unitsOnHand", g.unitsOnHand(),
        "sellThrough", g.sellThrough().toPlainString(), "margin", json(g.margin()));
  }
}
