package org.resellledger.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.command.Command;

/**
 * What one row asks for against the ledger as it stands: the action, the field diff of an update, its
 * errors, and the ledger commands that carry it out (in order; empty when unchanged). An invalid row keeps
 * the commands its usable cells could still form: they are only ever previewed, so that the ledger reports
 * its refusals of them together with the row's cell errors, and never executed.
 */
record RowPlan(long row, String key, Optional<String> sku, RowAction action, List<FieldDiff> changes,
    List<RowError> errors, List<Command> commands, List<String> defaults) {

  RowPlan {
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    commands = List.copyOf(commands);
    defaults = List.copyOf(defaults);
  }

  RowPlan(long row, String key, Optional<String> sku, RowAction action, List<FieldDiff> changes,
      List<RowError> errors, List<Command> commands) {
    this(row, key, sku, action, changes, errors, commands, List.of());
  }

  /** This row, saying which import-wide defaults it used ({@code field=value}). */
  RowPlan withDefaults(List<String> used) {
    return new RowPlan(row, key, sku, action, changes, errors, commands, used);
  }

  static RowPlan invalid(long row, String key, Optional<String> sku, List<RowError> errors) {
    return invalid(row, key, sku, errors, List.of());
  }

  /** An invalid row, with the commands to preview (never to execute) for the ledger's view of it. */
  static RowPlan invalid(long row, String key, Optional<String> sku, List<RowError> errors, List<Command> probes) {
    return new RowPlan(row, key, sku, RowAction.ERROR, List.of(), errors, probes);
  }

  static RowPlan create(long row, String key, String sku, List<Command> commands) {
    return new RowPlan(row, key, Optional.of(sku), RowAction.CREATE, List.of(), List.of(), commands);
  }

  /** An update; UNCHANGED when there is no command to run. */
  static RowPlan update(long row, String key, String sku, List<FieldDiff> changes, List<Command> commands) {
    RowAction action = commands.isEmpty() ? RowAction.UNCHANGED : RowAction.UPDATE;
    return new RowPlan(row, key, Optional.of(sku), action, changes, List.of(), commands);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  /**
   * This row with the errors the ledger found; one about a column that already has an error is left out,
   * as it says the same thing again (a SKU on an earlier row too is also "another item has this SKU"; an
   * archived item refuses each of the row's commands alike).
   */
  RowPlan withErrors(List<RowError> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<RowError> all = new ArrayList<>(errors);
    for (RowError e : more) {
      if (all.stream().noneMatch(x -> x.column().equals(e.column()))) {
        all.add(e);
      }
    }
    return new RowPlan(row, key, sku, RowAction.ERROR, List.of(), all, commands, defaults);
  }

  RowPlan withChanges(List<FieldDiff> diff) {
    return new RowPlan(row, key, sku, action, diff, errors, commands, defaults);
  }

  RowResult result(RowStatus status) {
    return new RowResult(row, key, sku, action, status, changes, errors, defaults);
  }
}
