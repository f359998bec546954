package org.resellledger.testkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Samples;

/**
 * One generated step of a simulation: a command with symbolic references ({@code L3} for the third listing
 * created, {@code O2} for the second order) resolved only when it runs, so that removing steps while
 * shrinking leaves every other step meaningful. Each step reads as one line and knows its simpler forms.
 */
sealed interface Step {

  Origin origin();

  Step withOrigin(Origin origin);

  /** The command to send, with names resolved for this run. May throw a RejectionException (bad input). */
  Command command(Names names);

  /** One readable line, without the origin. */
  String describe();

  /** Variants with smaller quantities, simplest first; empty when there is nothing to simplify. */
  default List<Step> simpler() {
    return List.of();
  }

  /** The kind of step, for the report's counts. */
  default String kind() {
    return getClass().getSimpleName();
  }

  static List<Integer> smaller(int n) {
    List<Integer> out = new ArrayList<>();
    if (n > 1) {
      out.add(1);
    }
    if (n / 2 > 1) {
      out.add(n / 2);
    }
    if (n - 1 > 1 && n - 1 != n / 2) {
      out.add(n - 1);
    }
    return out;
  }

  // ---- batches -----------------------------------------------------------------------------------------

  /**
   * Several commands as one unit ({@code Ledger.executeAll}): all are applied in one commit, or none. Parts
   * never carry provider event ids (a batch refuses them), and refer to items by SKU, so a part may use an
   * item an earlier part created.
   */
  record Batch(List<Step> parts) implements Step {
    public Batch {
      parts = List.copyOf(parts);
    }

    public Origin origin() {
      return parts.get(0).origin();
    }

    public Step withOrigin(Origin o) {
      List<Step> p = new ArrayList<>(parts);
      p.set(0, p.get(0).withOrigin(o));
      return new Batch(p);
    }

    /** The first part's command; the runner sends {@link #commands} instead. */
    public Command command(Names n) {
      return parts.get(0).command(n);
    }

    List<Command> commands(Names n) {
      return parts.stream().map(p -> p.command(n)).toList();
    }

    public String describe() {
      return "batch of " + parts.size() + " in one transaction: "
          + parts.stream().map(Step::describe).collect(Collectors.joining(" | "));
    }

    public List<Step> simpler() {
      List<Step> out = new ArrayList<>(parts);
      if (parts.size() > 2) {
        for (int i = 0; i < parts.size(); i++) {
          List<Step> fewer = new ArrayList<>(parts);
          fewer.remove(i);
          out.add(new Batch(fewer));
        }
      }
      for (int i = 0; i < parts.size(); i++) {
        for (Step variant : parts.get(i).simpler()) {
          List<Step> p = new ArrayList<>(parts);
          p.set(i, variant);
          out.add(new Batch(p));
        }
      }
      return out;
    }
  }

  // ---- items -------------------------------------------------------------------------------------------

  record Intake(ItemDetails details, int quantity, ItemStatus status, Origin origin) implements Step {
    public Command command(Names n) {
      return new IntakeItem(details, quantity, status, origin);
    }

    public String describe() {
      return "intake " + details.sku() + " x" + quantity + " as " + status + " (cost " + details.costBasis()
          + ", photos " + details.photoStatus() + ", value " + details.value() + ")";
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Intake(details, q, status, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Intake(details, quantity, status, o);
    }
  }

  record EditDetails(Sku sku, Optional<String> title, Optional<PhotoStatus> photos, Optional<Condition> condition,
      Origin origin) implements Step {
    public Command command(Names n) {
      ItemDetails current = n.details(sku).orElseGet(() -> Samples.details(sku.value()));
      ItemDetails.Builder b = ItemDetails.builder().from(current);
      title.ifPresent(b::title);
      photos.ifPresent(b::photoStatus);
      condition.ifPresent(b::condition);
      return new ChangeItemDetails(sku, b.build(), origin);
    }

    public String describe() {
      return "edit " + sku + (title.map(t -> " title='" + t + "'").orElse(""))
          + photos.map(p -> " photos=" + p).orElse("") + condition.map(c -> " condition=" + c).orElse("");
    }

    public Step withOrigin(Origin o) {
      return new EditDetails(sku, title, photos, condition, o);
    }
  }

  record ItemStatusTo(Sku sku, ItemStatus to, Origin origin) implements Step {
    public Command command(Names n) {
      return new ChangeItemStatus(sku, to, origin);
    }

    public String describe() {
      return "set status of " + sku + " to " + to;
    }

    public Step withOrigin(Origin o) {
      return new ItemStatusTo(sku, to, o);
    }
  }

  record Consign(Sku sku, String consignor, Origin origin) implements Step {
    public Command command(Names n) {
      return new ConsignItem(sku, consignor, origin);
    }

    public String describe() {
      return "consign " + sku + " for '" + consignor + "'";
    }

    public Step withOrigin(Origin o) {
      return new Consign(sku, consignor, o);
    }
  }

  record Archive(Sku sku, Origin origin) implements Step {
    public Command command(Names n) {
      return new ArchiveItem(sku, origin);
    }

    public String describe() {
      return "archive " + sku;
    }

    public Step withOrigin(Origin o) {
      return new Archive(sku, o);
    }
  }

  // ---- quantities --------------------------------------------------------------------------------------

  record Hold(Sku sku, int quantity, Origin origin) implements Step {
    public Command command(Names n) {
      return new HoldUnits(sku, quantity, origin);
    }

    public String describe() {
      return "hold " + quantity + " of " + sku;
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Hold(sku, q, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Hold(sku, quantity, o);
    }
  }

  record Release(Sku sku, int quantity, Origin origin) implements Step {
    public Command command(Names n) {
      return new ReleaseUnits(sku, quantity, origin);
    }

    public String describe() {
      return "release " + quantity + " of " + sku;
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Release(sku, q, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Release(sku, quantity, o);
    }
  }

  record Damage(Sku sku, int quantity, Bucket from, Origin origin) implements Step {
    public Command command(Names n) {
      return new MarkDamaged(sku, quantity, from, origin);
    }

    public String describe() {
      return "mark " + quantity + " of " + sku + " damaged from " + from;
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Damage(sku, q, from, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Damage(sku, quantity, from, o);
    }
  }

  record Lose(Sku sku, int quantity, Bucket from, Origin origin) implements Step {
    public Command command(Names n) {
      return new MarkLost(sku, quantity, from, origin);
    }

    public String describe() {
      return "mark " + quantity + " of " + sku + " lost from " + from;
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Lose(sku, q, from, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Lose(sku, quantity, from, o);
    }
  }

  record Adjust(Sku sku, int delta, Origin origin) implements Step {
    public Command command(Names n) {
      return new AdjustQuantity(sku, delta, origin);
    }

    public String describe() {
      return "adjust " + sku + " by " + (delta > 0 ? "+" : "") + delta;
    }

    public List<Step> simpler() {
      int sign = delta < 0 ? -1 : 1;
      return smaller(Math.abs(delta)).stream().<Step>map(q -> new Adjust(sku, sign * q, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Adjust(sku, delta, o);
    }
  }

  /** A child of a split, for the step's own description. */
  record Child(ItemDetails details, int quantity, int weight) {
    BundleChild toCommand() {
      return new BundleChild(details, quantity, weight);
    }
  }

  record Split(Sku parent, int units, List<Child> children, Origin origin) implements Step {
    public Command command(Names n) {
      return new SplitBundle(parent, units, children.stream().map(Child::toCommand).toList(), origin);
    }

    public String describe() {
      return "split " + units + " of " + parent + " into " + children.stream()
          .map(c -> c.details().sku() + " x" + c.quantity() + " (weight " + c.weight() + ")")
          .collect(Collectors.joining(", "));
    }

    public List<Step> simpler() {
      List<Step> out = new ArrayList<>();
      if (children.size() > 1) {
        out.add(new Split(parent, units, children.subList(0, 1), origin));
      }
      smaller(units).forEach(u -> out.add(new Split(parent, u, children, origin)));
      for (int i = 0; i < children.size(); i++) {
        for (int q : smaller(children.get(i).quantity())) {
          List<Child> c = new ArrayList<>(children);
          Child old = c.get(i);
          c.set(i, new Child(old.details(), q, old.weight()));
          out.add(new Split(parent, units, c, origin));
        }
      }
      return out;
    }

    public Step withOrigin(Origin o) {
      return new Split(parent, units, children, o);
    }
  }

  record Part(Sku sku, int quantity) {}

  record Merge(List<Part> parts, ItemDetails details, int quantity, Origin origin) implements Step {
    public Command command(Names n) {
      return new MergeBundle(parts.stream().map(p -> new BundleInput(p.sku(), p.quantity())).toList(), details,
          quantity, origin);
    }

    public String describe() {
      return "merge " + parts.stream().map(p -> p.quantity() + " of " + p.sku()).collect(Collectors.joining(" + "))
          + " into " + details.sku() + " x" + quantity;
    }

    public List<Step> simpler() {
      List<Step> out = new ArrayList<>();
      if (parts.size() > 1) {
        out.add(new Merge(parts.subList(0, 1), details, quantity, origin));
      }
      smaller(quantity).forEach(q -> out.add(new Merge(parts, details, q, origin)));
      for (int i = 0; i < parts.size(); i++) {
        for (int q : smaller(parts.get(i).quantity())) {
          List<Part> p = new ArrayList<>(parts);
          p.set(i, new Part(parts.get(i).sku(), q));
          out.add(new Merge(p, details, quantity, origin));
        }
      }
      return out;
    }

    public Step withOrigin(Origin o) {
      return new Merge(parts, details, quantity, o);
    }
  }

  // ---- listings ----------------------------------------------------------------------------------------

  record NewListing(String name, Sku sku, ListingDetails details, SyncStatus status, Origin origin) implements Step {
    public Command command(Names n) {
      return new CreateListing(sku, details, status, origin);
    }

    public String describe() {
      return "list " + sku + " on " + details.channel() + " as " + name + " (" + status + ", "
          + details.price() + ", qty " + details.listedQuantity()
          + details.externalId().map(x -> ", id " + x).orElse("") + ")";
    }

    public Step withOrigin(Origin o) {
      return new NewListing(name, sku, details, status, o);
    }
  }

  record EditListing(String name, Channel channel, Optional<Money> price, Optional<Integer> listedQuantity,
      Origin origin) implements Step {
    public Command command(Names n) {
      ListingDetails current = n.listingDetails(name)
          .orElseGet(() -> Samples.listing(channel, null, price.orElse(Samples.usd("1.00"))));
      ListingDetails.Builder b = ListingDetails.builder().from(current);
      price.ifPresent(b::price);
      listedQuantity.ifPresent(b::listedQuantity);
      return new ChangeListing(n.listing(name), b.build(), origin);
    }

    public String describe() {
      return "edit listing " + name + price.map(p -> " price=" + p).orElse("")
          + listedQuantity.map(q -> " listed=" + q).orElse("");
    }

    public Step withOrigin(Origin o) {
      return new EditListing(name, channel, price, listedQuantity, o);
    }
  }

  record ListingStatusTo(String name, SyncStatus to, Optional<String> error, Origin origin) implements Step {
    public Command command(Names n) {
      return new ChangeListingStatus(n.listing(name), to, error, origin);
    }

    public String describe() {
      return "listing " + name + " -> " + to + error.map(e -> " ('" + e + "')").orElse("");
    }

    public Step withOrigin(Origin o) {
      return new ListingStatusTo(name, to, error, o);
    }
  }

  // ---- orders ------------------------------------------------------------------------------------------

  record Line(Sku sku, Optional<String> listing, int quantity, Money unitPrice) {
    SaleLine toCommand(Names n) {
      return new SaleLine(sku, listing.map(n::listing), quantity, unitPrice);
    }

    @Override
    public String toString() {
      return quantity + " x " + sku + listing.map(l -> " via " + l).orElse("") + " @ " + unitPrice;
    }
  }

  private static List<List<Line>> simplerLines(List<Line> lines) {
    List<List<Line>> out = new ArrayList<>();
    if (lines.size() > 1) {
      for (int i = 0; i < lines.size(); i++) {
        out.add(List.of(lines.get(i)));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      for (int q : smaller(l.quantity())) {
        List<Line> c = new ArrayList<>(lines);
        c.set(i, new Line(l.sku(), l.listing(), q, l.unitPrice()));
        out.add(c);
      }
    }
    return out;
  }

  record Sale(String order, Channel channel, String externalId, List<Line> lines, Money fees, Money shipping,
      OrderStatus status, Origin origin) implements Step {
    public Command command(Names n) {
      return new RecordChannelSale(channel, externalId, lines.stream().map(l -> l.toCommand(n)).toList(), fees,
          shipping, status, origin);
    }

    public String describe() {
      return "sale " + order + " on " + channel + ", order " + externalId + " (" + status + "): " + lines
          + ", fees " + fees + ", shipping " + shipping;
    }

    public List<Step> simpler() {
      return simplerLines(lines).stream()
          .<Step>map(l -> new Sale(order, channel, externalId, l, fees, shipping, status, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Sale(order, channel, externalId, lines, fees, shipping, status, o);
    }
  }

  record LocalSale(String order, List<Line> lines, Origin origin) implements Step {
    public Command command(Names n) {
      return new RecordLocalSale(lines.stream().map(l -> l.toCommand(n)).toList(), origin);
    }

    public String describe() {
      return "local sale " + order + ": " + lines;
    }

    public List<Step> simpler() {
      return simplerLines(lines).stream().<Step>map(l -> new LocalSale(order, l, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new LocalSale(order, lines, o);
    }
  }

  record Advance(String order, OrderStatus to, Origin origin) implements Step {
    public Command command(Names n) {
      return new AdvanceOrder(n.order(order), to, origin);
    }

    public String describe() {
      return "order " + order + " -> " + to;
    }

    public Step withOrigin(Origin o) {
      return new Advance(order, to, o);
    }
  }

  record Cancel(String order, Origin origin) implements Step {
    public Command command(Names n) {
      return new CancelOrder(n.order(order), origin);
    }

    public String describe() {
      return "cancel " + order;
    }

    public Step withOrigin(Origin o) {
      return new Cancel(order, o);
    }
  }

  record Ship(String order, String carrier, String tracking, Money cost, Origin origin) implements Step {
    public Command command(Names n) {
      return new ShipOrder(n.order(order), carrier, tracking, cost, origin);
    }

    public String describe() {
      return "ship " + order + " with " + carrier + " " + tracking + " for " + cost;
    }

    public Step withOrigin(Origin o) {
      return new Ship(order, carrier, tracking, cost, o);
    }
  }

  record Pickup(String order, Origin origin) implements Step {
    public Command command(Names n) {
      return new RecordPickup(n.order(order), origin);
    }

    public String describe() {
      return "buyer picks up " + order;
    }

    public Step withOrigin(Origin o) {
      return new Pickup(order, o);
    }
  }

  record Deliver(String order, Origin origin) implements Step {
    public Command command(Names n) {
      return new MarkDelivered(n.order(order), origin);
    }

    public String describe() {
      return "carrier delivers " + order;
    }

    public Step withOrigin(Origin o) {
      return new Deliver(order, o);
    }
  }

  record AskReturn(String order, Instant deadline, Origin origin) implements Step {
    public Command command(Names n) {
      return new RequestReturn(n.order(order), deadline, origin);
    }

    public String describe() {
      return "buyer asks to return " + order;
    }

    public Step withOrigin(Origin o) {
      return new AskReturn(order, deadline, o);
    }
  }

  record ReturnArrives(String order, Sku sku, int quantity, Origin origin) implements Step {
    public Command command(Names n) {
      return new ReceiveReturn(n.order(order), sku, quantity, origin);
    }

    public String describe() {
      return "return of " + quantity + " x " + sku + " from " + order + " arrives";
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new ReturnArrives(order, sku, q, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new ReturnArrives(order, sku, quantity, o);
    }
  }

  record Inspect(Sku sku, int quantity, InspectionOutcome outcome, Optional<Condition> condition, Origin origin)
      implements Step {
    public Command command(Names n) {
      return new InspectReturn(sku, quantity, outcome, condition, origin);
    }

    public String describe() {
      return "inspect " + quantity + " of " + sku + ": " + outcome + condition.map(c -> " as " + c).orElse("");
    }

    public List<Step> simpler() {
      return smaller(quantity).stream().<Step>map(q -> new Inspect(sku, q, outcome, condition, origin)).toList();
    }

    public Step withOrigin(Origin o) {
      return new Inspect(sku, quantity, outcome, condition, o);
    }
  }

  record Refund(String order, Money amount, Origin origin) implements Step {
    public Command command(Names n) {
      return new IssueRefund(n.order(order), amount, origin);
    }

    public String describe() {
      return "refund " + amount + " on " + order;
    }

    public Step withOrigin(Origin o) {
      return new Refund(order, amount, o);
    }
  }
}
