package org.resellledger.core.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;

/**
 * The SKUs a batch of commands names, so their items can be read in one store read before the commands
 * run. Only a guess at what the handlers will read: a SKU missed here is read when used, one named but not
 * used costs nothing more. Missing parts (nulls) are skipped; the handler refuses them.
 */
final class CommandSkus {
  private CommandSkus() {}

  static Set<Sku> of(List<? extends Command> commands) {
    Set<Sku> skus = new LinkedHashSet<>();
    for (Command c : commands) {
      named(c).filter(Objects::nonNull).forEach(skus::add);
    }
    return skus;
  }

  private static Stream<Sku> named(Command c) {
    if (c instanceof Command.IntakeItem x) {
      return Stream.ofNullable(x.details()).map(ItemDetails::sku);
    } else if (c instanceof Command.OnItem x) {
      return Stream.ofNullable(x.sku());
    } else if (c instanceof Command.RecordChannelSale x) {
      return lines(x.lines());
    } else if (c instanceof Command.RecordLocalSale x) {
      return lines(x.lines());
    } else if (c instanceof Command.SplitBundle x) {
      return Stream.concat(Stream.ofNullable(x.parent()), Stream.ofNullable(x.children()).flatMap(List::stream)
          .filter(Objects::nonNull).map(Command.BundleChild::details).filter(Objects::nonNull).map(ItemDetails::sku));
    } else if (c instanceof Command.MergeBundle x) {
      return Stream.concat(Stream.ofNullable(x.parts()).flatMap(List::stream).filter(Objects::nonNull)
          .map(Command.BundleInput::sku), Stream.ofNullable(x.details()).map(ItemDetails::sku));
    }
    return Stream.empty(); // listing and order commands name no SKU
  }

  private static Stream<Sku> lines(List<Command.SaleLine> lines) {
    return Stream.ofNullable(lines).flatMap(List::stream).filter(Objects::nonNull).map(Command.SaleLine::sku);
  }
}
