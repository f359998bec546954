package org.resellledger.testkit.sim;

import static org.resellledger.core.ledger.Bucket.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.CommandResult;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;

/**
 * An independent model of where every unit must be, written from the movement table in DESIGN.md
 * ("Quantity is double entry") and nothing else: it never calls core's Projector or Balances. It learns
 * only which commands the ledger accepted (and the ids of new orders), and from that alone says what each
 * item's buckets, each order line's unit counts and each item's double-sale conflicts must be.
 */
final class Model {
  /** Buckets physically with the seller, per DESIGN.md; never negative. */
  static final Set<Bucket> ON_HAND = EnumSet.of(AVAILABLE, COMMITTED, HELD, INSPECTION, DAMAGED);

  private final Map<Sku, EnumMap<Bucket, Long>> units = new LinkedHashMap<>();
  private final Map<OrderId, Map<Sku, int[]>> orders = new LinkedHashMap<>();
  private final Map<Sku, List<SaleConflict>> conflicts = new LinkedHashMap<>();

  /** Drafted counts (ADJUST_FROM_COUNT) by proposal: the item and the count, to apply when approved. */
  private final Map<org.resellledger.core.proposal.ProposalId, Map.Entry<Sku, Integer>> counts = new LinkedHashMap<>();

  private static final int QUANTITY = 0;
  private static final int COMMITTED_UNITS = 1;
  private static final int HANDED_OVER = 2;
  private static final int RETURNED = 3;

  /**
   * Applies an accepted command. Returns a violation when the ledger accepted a command that moves units
   * the model says are not there.
   */
  Optional<String> apply(Command c, CommandResult result) {
    List<String> problems = new ArrayList<>();
    if (c instanceof IntakeItem x) {
      units.put(x.details().sku(), new EnumMap<>(Bucket.class));
      if (x.quantity() > 0) {
        move(problems, x.details().sku(), x.quantity(), SUPPLIER, x.status() == ItemStatus.HELD ? HELD : AVAILABLE);
      }
    } else if (c instanceof HoldUnits x) {
      move(problems, x.sku(), x.quantity(), AVAILABLE, HELD);
    } else if (c instanceof ReleaseUnits x) {
      move(problems, x.sku(), x.quantity(), HELD, AVAILABLE);
    } else if (c instanceof MarkDamaged x) {
      move(problems, x.sku(), x.quantity(), x.from(), DAMAGED);
    } else if (c instanceof MarkLost x) {
      move(problems, x.sku(), x.quantity(), x.from(), LOST);
    } else if (c instanceof AdjustQuantity x) {
      if (x.delta() > 0) {
        move(problems, x.sku(), x.delta(), ADJUSTMENT, AVAILABLE);
      } else {
        move(problems, x.sku(), -x.delta(), AVAILABLE, ADJUSTMENT);
      }
    } else if (c instanceof SplitBundle x) {
      move(problems, x.parent(), x.units(), AVAILABLE, BUNDLE);
      for (BundleChild child : x.children()) {
        units.put(child.details().sku(), new EnumMap<>(Bucket.class));
        move(problems, child.details().sku(), child.quantity(), BUNDLE, AVAILABLE);
      }
    } else if (c instanceof MergeBundle x) {
      for (BundleInput part : x.parts()) {
        move(problems, part.sku(), part.quantity(), AVAILABLE, BUNDLE);
      }
      units.put(x.details().sku(), new EnumMap<>(Bucket.class));
      move(problems, x.details().sku(), x.quantity(), BUNDLE, AVAILABLE);
    } else if (c instanceof RecordChannelSale x) {
      sale(problems, result, x.lines());
    } else if (c instanceof RecordLocalSale x) {
      sale(problems, result, x.lines());
    } else if (c instanceof CancelOrder x) {
      Map<Sku, int[]> lines = order(problems, x.order());
      lines.forEach((sku, line) -> {
        if (line[COMMITTED_UNITS] > 0) {
          move(problems, sku, line[COMMITTED_UNITS], COMMITTED, AVAILABLE);
        }
        line[COMMITTED_UNITS] = 0;
        conflicts.getOrDefault(sku, new ArrayList<>()).removeIf(conflict -> conflict.order().equals(x.order()));
      });
    } else if (c instanceof org.resellledger.core.order.OrderCommand.RecordFoundUnit x) {
      // a found unit comes in as a correction and is committed to the short line at once
      int[] line = shortLine(problems, x.order(), x.sku(), x.quantity());
      line[COMMITTED_UNITS] += x.quantity();
      move(problems, x.sku(), x.quantity(), ADJUSTMENT, COMMITTED);
      cover(x.sku(), x.order(), x.quantity());
    } else if (c instanceof org.resellledger.core.order.OrderCommand.SubstituteSaleLine x) {
      // the short units leave the line of one item and join the line of another, committed from its stock
      Map<Sku, int[]> lines = order(problems, x.order());
      int[] from = shortLine(problems, x.order(), x.from(), x.quantity());
      from[QUANTITY] -= x.quantity();
      if (from[QUANTITY] == 0) {
        lines.remove(x.from());
      }
      int[] to = lines.computeIfAbsent(x.to(), s -> new int[4]);
      to[QUANTITY] += x.quantity();
      to[COMMITTED_UNITS] += x.quantity();
      move(problems, x.to(), x.quantity(), AVAILABLE, COMMITTED);
      cover(x.from(), x.order(), x.quantity());
    } else if (c instanceof ShipOrder x) {
      handOver(problems, x.order());
    } else if (c instanceof RecordPickup x) {
      handOver(problems, x.order());
    } else if (c instanceof ReceiveReturn x) {
      int[] line = order(problems, x.order()).get(x.sku());
      if (line == null) {
        problems.add("accepted a return of " + x.sku() + " that order " + x.order() + " does not contain");
      } else {
        line[RETURNED] += x.quantity();
        if (line[RETURNED] > line[HANDED_OVER]) {
          problems.add("accepted the return of more units of " + x.sku() + " than were handed over");
        }
      }
      move(problems, x.sku(), x.quantity(), BUYER, INSPECTION);
    } else if (c instanceof org.resellledger.core.proposal.ProposalCommand.DraftProposal x
        && x.kind() == org.resellledger.core.proposal.ProposalKind.ADJUST_FROM_COUNT) {
      counts.put(result.proposals().get(0), Map.entry(Sku.of(x.target().id()), Integer.parseInt(x.params().get("counted"))));
    } else if (c instanceof org.resellledger.core.count.CountCommand.CloseCount) {
      // a close drafts one count adjustment per variance: the same as a drafted count, by the system
      for (var e : result.events()) {
        if (e.payload() instanceof org.resellledger.core.proposal.ProposalFact.ProposalDrafted d
            && d.kind() == org.resellledger.core.proposal.ProposalKind.ADJUST_FROM_COUNT) {
          counts.put(d.proposal(), Map.entry(Sku.of(d.target().id()), Integer.parseInt(d.params().get("counted"))));
        }
      }
    } else if (c instanceof org.resellledger.core.proposal.ProposalCommand.ReviseProposal x && counts.containsKey(x.proposal())) {
      counts.put(x.proposal(), Map.entry(counts.get(x.proposal()).getKey(), Integer.parseInt(x.params().get("counted"))));
    } else if (c instanceof org.resellledger.core.proposal.ProposalCommand.SettleProposal x && counts.containsKey(x.proposal())) {
      result.proposals().forEach(again -> counts.put(again, counts.get(x.proposal()))); // re-planned, same count
    } else if (c instanceof org.resellledger.core.proposal.ProposalCommand.ApplyProposal x && counts.containsKey(x.proposal())) {
      // a count sets what is available: the difference moves between AVAILABLE and ADJUSTMENT
      Map.Entry<Sku, Integer> count = counts.get(x.proposal());
      long available = units.getOrDefault(count.getKey(), new EnumMap<>(Bucket.class)).getOrDefault(AVAILABLE, 0L);
      long delta = count.getValue() - available;
      if (delta > 0) {
        move(problems, count.getKey(), (int) delta, ADJUSTMENT, AVAILABLE);
      } else if (delta < 0) {
        move(problems, count.getKey(), (int) -delta, AVAILABLE, ADJUSTMENT);
      }
    } else if (c instanceof InspectReturn x) {
      Bucket target = switch (x.outcome()) {
        case RESTOCK -> AVAILABLE;
        case DAMAGED -> DAMAGED;
        case WRITE_OFF -> WRITTEN_OFF;
      };
      move(problems, x.sku(), x.quantity(), INSPECTION, target);
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private void sale(List<String> problems, CommandResult result, List<SaleLine> lines) {
    Optional<OrderId> id = result.orderId();
    if (id.isEmpty()) {
      problems.add("an accepted sale created no order");
      return;
    }
    Map<Sku, int[]> orderLines = new LinkedHashMap<>();
    for (SaleLine line : lines) {
      long available = Math.max(0, get(line.sku(), AVAILABLE));
      int committed = (int) Math.min(line.quantity(), available);
      if (committed > 0) {
        move(problems, line.sku(), committed, AVAILABLE, COMMITTED);
      }
      orderLines.put(line.sku(), new int[] {line.quantity(), committed, 0, 0});
      if (committed < line.quantity()) {
        conflicts.computeIfAbsent(line.sku(), s -> new ArrayList<>())
            .add(new SaleConflict(id.get(), line.quantity() - committed));
      }
    }
    orders.put(id.get(), orderLines);
  }

  /** The order's line of {@code sku}, which must be short by at least {@code units} for a resolution. */
  private int[] shortLine(List<String> problems, OrderId id, Sku sku, int units) {
    int[] line = order(problems, id).get(sku);
    if (line == null) {
      problems.add("accepted resolving a double sale of " + sku + " that order " + id + " does not contain");
      return new int[4];
    }
    if (line[QUANTITY] - line[COMMITTED_UNITS] < units) {
      problems.add("accepted covering " + units + " units of " + sku + " in order " + id + ", short by only "
          + (line[QUANTITY] - line[COMMITTED_UNITS]));
    }
    return line;
  }

  /** The order's double-sale conflict on {@code sku} shrinks by {@code units}; none left, it goes. */
  private void cover(Sku sku, OrderId order, int units) {
    List<SaleConflict> list = conflicts.getOrDefault(sku, new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      SaleConflict c = list.get(i);
      if (c.order().equals(order)) {
        if (c.shortfall() > units) {
          list.set(i, new SaleConflict(order, c.shortfall() - units));
        } else {
          list.remove(i);
        }
        return;
      }
    }
  }

  private void handOver(List<String> problems, OrderId id) {
    order(problems, id).forEach((sku, line) -> {
      int units = line[COMMITTED_UNITS] - line[HANDED_OVER];
      if (units > 0) {
        move(problems, sku, units, COMMITTED, BUYER);
      }
      line[HANDED_OVER] = line[COMMITTED_UNITS];
    });
  }

  private Map<Sku, int[]> order(List<String> problems, OrderId id) {
    Map<Sku, int[]> lines = orders.get(id);
    if (lines == null) {
      problems.add("accepted a command on order " + id + " that the model never saw placed");
      return new LinkedHashMap<>();
    }
    return lines;
  }

  private long get(Sku sku, Bucket bucket) {
    EnumMap<Bucket, Long> m = units.get(sku);
    return m == null ? 0 : m.getOrDefault(bucket, 0L);
  }

  private void move(List<String> problems, Sku sku, long quantity, Bucket from, Bucket to) {
    EnumMap<Bucket, Long> m = units.get(sku);
    if (m == null) {
      problems.add("accepted a movement of " + sku + ", which the model never saw taken in");
      return;
    }
    m.merge(from, -quantity, Long::sum);
    m.merge(to, quantity, Long::sum);
    if (ON_HAND.contains(from) && m.get(from) < 0) {
      problems.add("accepted moving " + quantity + " " + from + "->" + to + " of " + sku + " but only "
          + (m.get(from) + quantity) + " were " + from);
    }
  }

  /** Units the model says are in {@code bucket} for {@code sku}; 0 for an unknown SKU. */
  long units(Sku sku, Bucket bucket) {
    return get(sku, bucket);
  }

  /** The first difference between the store's projections and the model, if any. */
  Optional<String> compare(List<Item> items, List<Order> storeOrders) {
    Map<Sku, Item> bySku = new LinkedHashMap<>();
    for (Item item : items) {
      bySku.put(item.sku(), item);
      if (!units.containsKey(item.sku())) {
        return Optional.of("the store has item " + item.sku() + " that no accepted command created");
      }
    }
    for (Map.Entry<Sku, EnumMap<Bucket, Long>> e : units.entrySet()) {
      Item item = bySku.get(e.getKey());
      if (item == null) {
        return Optional.of("item " + e.getKey() + " was taken in but the store has no such item");
      }
      for (Bucket b : Bucket.values()) {
        long expected = e.getValue().getOrDefault(b, 0L);
        long actual = item.balances().get(b);
        if (expected != actual) {
          return Optional.of("item " + e.getKey() + " has " + actual + " " + b + " but the movements accepted so far"
              + " put " + expected + " there (model " + nonZero(e.getValue()) + ", store " + item.balances() + ")");
        }
      }
      List<SaleConflict> expectedConflicts = conflicts.getOrDefault(e.getKey(), List.of());
      if (!new java.util.HashSet<>(expectedConflicts).equals(new java.util.HashSet<>(item.conflicts()))) {
        return Optional.of("item " + e.getKey() + " has double-sale conflicts " + item.conflicts() + " but expected "
            + expectedConflicts);
      }
    }
    Map<OrderId, Order> byId = new LinkedHashMap<>();
    storeOrders.forEach(o -> byId.put(o.id(), o));
    if (byId.size() != orders.size()) {
      return Optional.of("the store has " + byId.size() + " orders, the accepted sales placed " + orders.size());
    }
    for (Map.Entry<OrderId, Map<Sku, int[]>> e : orders.entrySet()) {
      Order order = byId.get(e.getKey());
      if (order == null) {
        return Optional.of("order " + e.getKey() + " was placed but the store has no such order");
      }
      for (OrderLine line : order.lines()) {
        int[] expected = e.getValue().get(line.sku());
        if (expected == null) {
          return Optional.of("order " + e.getKey() + " has a line for " + line.sku() + " that was never sold");
        }
        int[] actual = {line.quantity(), line.committed(), line.handedOver(), line.returned()};
        if (!java.util.Arrays.equals(expected, actual)) {
          return Optional.of("order " + e.getKey() + " line " + line.sku() + " has quantity/committed/handed over/"
              + "returned " + java.util.Arrays.toString(actual) + ", expected " + java.util.Arrays.toString(expected));
        }
      }
    }
    return Optional.empty();
  }

  private static Map<Bucket, Long> nonZero(Map<Bucket, Long> m) {
    Map<Bucket, Long> out = new EnumMap<>(Bucket.class);
    m.forEach((b, n) -> {
      if (n != 0) {
        out.put(b, n);
      }
    });
    return out;
  }
}
