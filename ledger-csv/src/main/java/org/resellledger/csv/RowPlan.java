package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.command.Command;

/**
 * What one row asks for against the ledger as it stands: the action, the field diff of an update, its
 * errors, and the ledger commands that carry it out (in order; empty when unchanged or invalid).
 */
record RowPlan(long row, String key, Optional<String> sku, RowAction action, List<FieldDiff> changes,
    List<RowError> errors, List<Command> commands) {

  RowPlan {
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    commands = List.copyOf(commands);
  }

  static RowPlan invalid(long row, String key, Optional<String> sku, List<RowError> errors) {
    return new RowPlan(row, key, sku, RowAction.ERROR, List.of(), errors, List.of());
  }

  static RowPlan create(long row, String key, String sku, List<Command> commands) {
    return new RowPlan(row, key, Optional.of(sku), RowAction.CREATE, List.of(), List.of(), commands);
  }

  /** An update; UNCHANGED when there is no command to run. */
  static RowPlan update(long row, String key, String sku, List<FieldDiff> changes, List<Command> commands) {
    RowAction action = commands.isEmpty() ? RowAction.UNCHANGED : RowAction.UPDATE;
    return new RowPlan(row, key, Optional.of(sku), action, changes, List.of(), commands);
  }

  RowResult result(RowStatus status) {
    return new RowResult(row, key, sku, action, status, changes, errors);
  }
}
