package org.resellledger.samples.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;

/**
 * The dashboard's figures, computed from one read of the public Ledger API (items and orders): stock and its
 * cost basis, what sold on a day, sales and margin by week, sell-through by category and by source, and the
 * items that need work. Until ledger-core has its own report concept, these are the page's own sums, each
 * stated here once.
 *
 * <ul>
 *   <li>An order counts as a sale unless it is {@code CANCELLED}; its day and week are those of
 *       {@code placedAt} in UTC, weeks starting on Monday.
 *   <li>Sales of an order: the sum of its lines ({@link Order#salePrice()}). Margin: sales, less refunds,
 *       fees and shipping spent, less the cost basis of the units that left stock and did not come back
 *       (committed less returned, each at the item's cost basis per unit of its lot); an order whose items
 *       keep their cost in another currency has no margin and is counted apart.
 *   <li>Cost basis of stock: per item, its cost basis times units on hand over its lot's units, summed per
 *       currency and rounded to the currency's minor unit once, at the end.
 *   <li>Sell-through of a group: units that left stock for a buyer (committed less returned) over those units
 *       plus the units on hand of its items that no order holds (on hand less committed).
 *   <li>Amounts in different currencies are never added together: every sum is per currency.
 * </ul>
 */
final class Figures {
  private final List<Item> items;
  private final List<Order> orders;
  private final Map<ItemId, Item> byId = new HashMap<>();

  private Figures(List<Item> items, List<Order> orders) {
    this.items = items;
    this.orders = orders;
    items.forEach(i -> byId.put(i.id(), i));
  }

  static Figures read(Ledger ledger) {
    return new Figures(ledger.items(), ledger.orders());
  }

  List<Item> items() {
    return items;
  }

  List<Order> orders() {
    return orders;
  }

  Optional<Item> item(ItemId id) {
    return Optional.ofNullable(byId.get(id));
  }

  // ---- stock ---------------------------------------------------------------------------------------------

  /** Items not archived, units on hand and available, live listings, and the cost basis of what is on hand. */
  record Stock(int activeItems, int archivedItems, long onHand, long available, int liveListings,
      Map<Currency, Money> costOnHand) {}

  Stock stock() {
    int active = 0;
    int archived = 0;
    long onHand = 0;
    long available = 0;
    int live = 0;
    Map<Currency, BigDecimal> cost = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
    for (Item item : items) {
      if (item.archived()) {
        archived++;
      } else {
        active++;
      }
      onHand += item.quantity();
      available += item.available();
      live += (int) item.listings().values().stream().filter(l -> l.status() == SyncStatus.LIVE).count();
      cost.merge(item.details().costBasis().currency(), costOf(item, item.quantity()), BigDecimal::add);
    }
    Map<Currency, Money> rounded = new java.util.LinkedHashMap<>();
    cost.forEach((c, amount) -> rounded.put(c, money(amount, c)));
    return new Stock(active, archived, onHand, available, live, rounded);
  }

  /** The cost basis of {@code units} of the item, unrounded: cost basis times units over its lot's units. */
  static BigDecimal costOf(Item item, long units) {
    if (units == 0 || item.lotUnits() <= 0) {
      return BigDecimal.ZERO;
    }
    return item.details().costBasis().amount().multiply(BigDecimal.valueOf(units))
        .divide(BigDecimal.valueOf(item.lotUnits()), 10, RoundingMode.HALF_EVEN);
  }

  static Money money(BigDecimal amount, Currency currency) {
    return new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN),
        currency);
  }

  // ---- sales ---------------------------------------------------------------------------------------------

  static boolean isSale(Order order) {
    return order.status() != OrderStatus.CANCELLED;
  }

  static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }

  static LocalDate weekOf(Instant at) {
    return day(at).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Orders placed on {@code day} (UTC) that count as sales, oldest first. */
  List<Order> soldOn(LocalDate day) {
    List<Order> out = new ArrayList<>();
    for (Order o : orders) {
      if (isSale(o) && day(o.placedAt()).equals(day)) {
        out.add(o);
      }
    }
    out.sort(java.util.Comparator.comparing(Order::placedAt));
    return out;
  }

  /** Units that left stock for a buyer and did not come back. */
  static int unitsOut(OrderLine line) {
    return line.committed() - line.returned();
  }

  /**
   * The order's margin: sales less refunds, fees, shipping spent and the cost of the units that left; empty
   * when an item of the order is unknown or keeps its cost basis in another currency than the order's (never
   * subtracted across currencies).
   */
  Optional<Money> margin(Order o) {
    Currency currency = o.fees().currency();
    BigDecimal cost = BigDecimal.ZERO;
    for (OrderLine line : o.lines()) {
      Item item = byId.get(line.item());
      if (item == null || !item.details().costBasis().currency().equals(currency)) {
        return Optional.empty();
      }
      cost = cost.add(costOf(item, unitsOut(line)));
    }
    Money m = o.salePrice().minus(o.refunded()).minus(o.fees()).minus(o.shippingCost());
    return Optional.of(money(m.amount().subtract(cost), currency));
  }

  /**
   * One week's sales and margin in one currency: {@code margin} sums the orders that have one,
   * {@code withoutMargin} counts those that do not ({@link #margin}).
   */
  record Week(LocalDate monday, Money sales, Money margin, int orders, int withoutMargin) {}

  /** Sales and margin per week, per currency, oldest week first; weeks without a sale are left out. */
  Map<Currency, List<Week>> weeks() {
    Map<Currency, TreeMap<LocalDate, Week>> out = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
    for (Order o : orders) {
      if (!isSale(o)) {
        continue;
      }
      Currency c = o.fees().currency();
      LocalDate monday = weekOf(o.placedAt());
      TreeMap<LocalDate, Week> weeks = out.computeIfAbsent(c, k -> new TreeMap<>());
      Week w = weeks.getOrDefault(monday, new Week(monday, Money.zero(c), Money.zero(c), 0, 0));
      Optional<Money> margin = margin(o);
      weeks.put(monday, new Week(monday, w.sales().plus(o.salePrice()), margin.map(w.margin()::plus).orElse(w.margin()),
          w.orders() + 1, w.withoutMargin() + (margin.isPresent() ? 0 : 1)));
    }
    Map<Currency, List<Week>> lists = new java.util.LinkedHashMap<>();
    out.forEach((c, m) -> lists.put(c, List.copyOf(m.values())));
    return lists;
  }

  /** Sell-through of one group: units out to buyers against units on hand that no order holds. */
  record SellThrough(String group, long sold, long unsold) {
    /** Sold over sold plus unsold, 0 to 1; 0 when the group has neither. */
    double rate() {
      return sold + unsold == 0 ? 0 : (double) sold / (sold + unsold);
    }

    /** The rate as a whole percentage, rounded half up. */
    long percent() {
      return sold + unsold == 0 ? 0 : Math.round(100.0 * sold / (sold + unsold));
    }
  }

  /** Sell-through by the broadest level of the items' categories, by group name. */
  List<SellThrough> byCategory() {
    return sellThrough(i -> i.details().category().top());
  }

  /** Sell-through by the kind of source the items were bought from ("unknown" when not recorded). */
  List<SellThrough> bySource() {
    return sellThrough(i -> i.details().acquisitionSource().map(AcquisitionSource::kind).map(Enum::name)
        .orElse("unknown"));
  }

  /** Units on hand that no order holds: on hand less committed. */
  static long unsold(Item item) {
    return item.quantity() - item.balances().get(org.resellledger.core.ledger.Bucket.COMMITTED);
  }

  private List<SellThrough> sellThrough(Function<Item, String> group) {
    Map<String, long[]> sums = new TreeMap<>();
    for (Item item : items) {
      sums.computeIfAbsent(group.apply(item), k -> new long[2])[1] += unsold(item);
    }
    for (Order o : orders) {
      if (!isSale(o)) {
        continue;
      }
      for (OrderLine line : o.lines()) {
        Item item = byId.get(line.item());
        if (item != null) {
          sums.computeIfAbsent(group.apply(item), k -> new long[2])[0] += unitsOut(line);
        }
      }
    }
    List<SellThrough> out = new ArrayList<>();
    sums.forEach((g, s) -> out.add(new SellThrough(g, s[0], s[1])));
    return out;
  }

  // ---- work ----------------------------------------------------------------------------------------------

  /** An item that needs a person, and why (one reason each, in the order found). */
  record Work(Item item, List<String> reasons) {}

  /**
   * Items that need work: a double-sale conflict; a status that means stuck ({@link ItemStatus#STUCK});
   * listings in ERROR or that disagree with their channel; units available with no live listing. Archived
   * items never appear.
   */
  List<Work> work() {
    List<Work> out = new ArrayList<>();
    for (Item item : items) {
      if (item.archived()) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      if (item.hasConflict()) {
        reasons.add("double sale: " + item.conflicts().size() + " order(s) sold more than was available");
      }
      if (ItemStatus.STUCK.contains(item.status())) {
        reasons.add("status " + item.status());
      }
      for (Listing l : item.listings().values()) {
        if (l.status() == SyncStatus.ERROR) {
          reasons.add(l.details().channel() + " listing in ERROR" + l.lastError().map(e -> ": " + e).orElse(""));
        }
        if (!l.discrepancies().isEmpty()) {
          reasons.add(l.details().channel() + " disagrees on " + l.discrepancies().stream()
              .map(d -> d.field()).collect(java.util.stream.Collectors.joining(", ")));
        }
      }
      if (item.available() > 0 && !item.hasLiveListing()) {
        reasons.add(item.available() + " available, no live listing");
      }
      if (!reasons.isEmpty()) {
        out.add(new Work(item, reasons));
      }
    }
    return out;
  }
}
