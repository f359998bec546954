package org.resellledger.testkit.sim;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.resellledger.core.bundle.BundleCommand.BundleChild;
import org.resellledger.core.bundle.BundleCommand.BundleInput;
import org.resellledger.core.bundle.BundleCommand.MergeBundle;
import org.resellledger.core.bundle.BundleCommand.SplitBundle;
import org.resellledger.core.item.Sku;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.sim.PlanContext.PlannedItem;

/** Plans splits of a lot into new items and merges of items into one, sometimes beyond what is there. */
final class BundlePlans implements ConceptPlans {
  static final Form<SplitBundle> SPLIT = Form.of("Split", (SplitBundle c) -> "split " + c.units() + " of "
      + c.parent() + " into " + c.children().stream()
          .map(ch -> ch.details().sku() + " x" + ch.quantity() + " (weight " + ch.weight() + ")")
          .collect(Collectors.joining(", ")))
      .simpler(BundlePlans::simplerSplits);
  static final Form<MergeBundle> MERGE = Form.of("Merge", (MergeBundle c) -> "merge " + c.parts().stream()
          .map(part -> part.quantity() + " of " + part.sku()).collect(Collectors.joining(" + "))
      + " into " + c.details().sku() + " x" + c.quantity())
      .simpler(BundlePlans::simplerMerges);

  private final PlanContext p;
  private final ItemPlans items;

  BundlePlans(PlanContext context, ItemPlans items) {
    this.p = context;
    this.items = items;
  }

  @Override
  public List<Move> moves() {
    return List.of(new Move("split", 2, this::split), new Move("merge", 2, this::merge));
  }

  @Override
  public List<Supplier<List<Step>>> batchParts() {
    return List.of(this::split, this::merge);
  }

  private List<Step> split() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return items.intake();
    }
    PlannedItem parent = item.get();
    int units = p.quantity(parent.available);
    int n = p.next(Gens.ints(1, 3));
    List<BundleChild> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sku sku = p.chance(3) ? parent.sku : p.newSku();
      Currency c = p.chance(95) ? parent.currency : p.currency();
      children.add(new BundleChild(p.details(sku, c), p.next(Gens.ints(1, 4)), p.random.nextInt(0, 6)));
    }
    if (units <= parent.available) {
      parent.available -= units;
      for (BundleChild child : children) {
        PlannedItem planned = new PlannedItem(child.details().sku(), child.details().costBasis().currency());
        planned.available = child.quantity();
        p.add(planned);
      }
    }
    return List.of(SPLIT.step(new SplitBundle(parent.sku, units, children, p.anyLane())));
  }

  private List<Step> merge() {
    if (p.items.isEmpty()) {
      return items.intake();
    }
    int n = Math.min(p.items.size(), p.next(Gens.ints(1, 3)));
    List<PlannedItem> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      PlannedItem i = p.pick(p.items);
      if (!chosen.contains(i) || p.chance(3)) {
        chosen.add(i);
      }
    }
    List<BundleInput> parts = new ArrayList<>();
    for (PlannedItem i : chosen) {
      int q = p.quantity(i.available);
      parts.add(new BundleInput(i.sku, q));
      if (q <= i.available) {
        i.available -= q;
      }
    }
    Sku sku = p.newSku();
    Currency currency = chosen.get(0).currency;
    int qty = p.next(Gens.ints(1, 3));
    PlannedItem merged = new PlannedItem(sku, currency);
    merged.available = qty;
    p.items.add(merged);
    return List.of(MERGE.step(new MergeBundle(parts, p.details(sku, currency), qty, p.anyLane())));
  }

  private static List<SplitBundle> simplerSplits(SplitBundle c) {
    List<SplitBundle> out = new ArrayList<>();
    if (c.children().size() > 1) {
      out.add(new SplitBundle(c.parent(), c.units(), c.children().subList(0, 1), c.origin()));
    }
    Step.smaller(c.units()).forEach(u -> out.add(new SplitBundle(c.parent(), u, c.children(), c.origin())));
    for (int i = 0; i < c.children().size(); i++) {
      for (int q : Step.smaller(c.children().get(i).quantity())) {
        List<BundleChild> children = new ArrayList<>(c.children());
        BundleChild old = children.get(i);
        children.set(i, new BundleChild(old.details(), q, old.weight()));
        out.add(new SplitBundle(c.parent(), c.units(), children, c.origin()));
      }
    }
    return out;
  }

  private static List<MergeBundle> simplerMerges(MergeBundle c) {
    List<MergeBundle> out = new ArrayList<>();
    if (c.parts().size() > 1) {
      out.add(new MergeBundle(c.parts().subList(0, 1), c.details(), c.quantity(), c.origin()));
    }
    Step.smaller(c.quantity()).forEach(q -> out.add(new MergeBundle(c.parts(), c.details(), q, c.origin())));
    for (int i = 0; i < c.parts().size(); i++) {
      for (int q : Step.smaller(c.parts().get(i).quantity())) {
        List<BundleInput> parts = new ArrayList<>(c.parts());
        parts.set(i, new BundleInput(c.parts().get(i).sku(), q));
        out.add(new MergeBundle(parts, c.details(), c.quantity(), c.origin()));
      }
    }
    return out;
  }
}
