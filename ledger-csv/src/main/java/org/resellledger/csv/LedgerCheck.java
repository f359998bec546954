package org.resellledger.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resellledger.core.Ledger;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand;
import org.resellledger.core.listing.ListingCommand;
import org.resellledger.core.order.OrderCommand;
import org.resellledger.core.bundle.BundleCommand;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Sku;

/**
 * Asks the ledger what the planned rows of one chunk would do ({@link Ledger#preview}) instead of restating
 * its rules, and adds every refusal to the row whose command it was, found by the command's position (never
 * by its message), in the column its field came from.
 *
 * <p>The valid rows' commands come first, in file order, so that each sees what the earlier valid rows do
 * (an adjustments file's running total); then the commands an invalid row could still form, which are never
 * executed. The store does not show what earlier chunks of the file would do, so their accepted quantity
 * changes of this chunk's SKUs are previewed first, as one adjustment per SKU.
 */
final class LedgerCheck {
  private LedgerCheck() {}

  static List<RowPlan> check(PlanContext ctx, Lane lane, List<RowPlan> plans) {
    List<Command> commands = new ArrayList<>();
    List<Integer> planOf = new ArrayList<>(); // command position -> index in plans; -1 for the carried ones
    Set<Sku> adjusted = new HashSet<>();
    for (RowPlan plan : plans) {
      for (Command c : plan.commands()) {
        if (c instanceof AdjustQuantity a) {
          adjusted.add(a.sku());
        }
      }
    }
    for (Sku sku : adjusted) {
      long net = ctx.carried.getOrDefault(sku, 0L);
      if (net != 0) {
        commands.add(new AdjustQuantity(sku, Math.toIntExact(net),
            ctx.originWithReason("earlier rows of this file")));
        planOf.add(-1);
      }
    }
    for (boolean valid : new boolean[] {true, false}) {
      for (int k = 0; k < plans.size(); k++) {
        if (plans.get(k).valid() == valid) {
          for (Command c : plans.get(k).commands()) {
            commands.add(c);
            planOf.add(k);
          }
        }
      }
    }
    if (commands.isEmpty()) {
      return plans;
    }
    Preview preview = ctx.ledger.preview(commands);
    List<List<RowError>> refusals = new ArrayList<>();
    List<List<Preview.Step>> steps = new ArrayList<>();
    for (int k = 0; k < plans.size(); k++) {
      refusals.add(new ArrayList<>());
      steps.add(new ArrayList<>());
    }
    for (Preview.Step step : preview.steps()) {
      int k = planOf.get(step.position());
      if (k < 0) {
        continue;
      }
      steps.get(k).add(step);
      for (RejectionException r : step.rejections()) {
        for (RejectionException each : r.all()) {
          refusals.get(k).add(lane.error(plans.get(k).row(), each));
        }
      }
    }
    List<RowPlan> checked = new ArrayList<>(plans.size());
    for (int k = 0; k < plans.size(); k++) {
      RowPlan plan = plans.get(k).withErrors(refusals.get(k));
      if (plan.valid()) {
        plan = lane.previewed().apply(plan, steps.get(k));
        if (ctx.validating) {
          carry(ctx.carried, plan);
        }
      }
      checked.add(plan);
    }
    return checked;
  }

  /** Keeps a valid row's quantity changes for the chunks after this one. */
  private static void carry(Map<Sku, Long> carried, RowPlan plan) {
    for (Command c : plan.commands()) {
      if (c instanceof AdjustQuantity a) {
        carried.merge(a.sku(), (long) a.delta(), Long::sum);
      }
    }
  }
}
