package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderId;

/**
 * The simulator plans every kind of command core has, walking the sealed {@link Command} hierarchy: a new
 * command without a planner's move fails here. And symbolic ids are resolved wherever a command holds them.
 */
class PlannerCoverageTest {

  /** Resolves nothing: every symbolic name is unknown, every current value absent. */
  static final Names NOBODY = new Names() {
    public ListingId listing(String name) {
      return ListingId.of("unknown-" + name);
    }

    public OrderId order(String name) {
      return OrderId.of("unknown-" + name);
    }

    public Optional<ItemDetails> details(Sku sku) {
      return Optional.empty();
    }

    public Optional<ListingDetails> listingDetails(String name) {
      return Optional.empty();
    }
  };

  @Test
  void everyCommandKind_isPlanned() {
    Set<String> planned = new TreeSet<>();
    for (long seed = 0; seed < 300; seed++) {
      for (Step step : Planner.plan(seed, 40)) {
        List<Step> parts = step instanceof Step.Batch b ? b.parts() : List.of(step);
        parts.forEach(s -> planned.add(s.command(NOBODY).getClass().getSimpleName()));
      }
    }

    assertThat(planned).isEqualTo(leaves(Command.class));
  }

  @Test
  void symbolicIds_areResolvedInComponentsAndInLines() {
    Names names = new Names() {
      public ListingId listing(String name) {
        return ListingId.of("real-" + name);
      }

      public OrderId order(String name) {
        return OrderId.of("real-" + name);
      }

      public Optional<ItemDetails> details(Sku sku) {
        return Optional.empty();
      }

      public Optional<ListingDetails> listingDetails(String name) {
        return Optional.empty();
      }
    };
    var origin = org.resellledger.testkit.gen.Samples.manual("ana");
    var price = org.resellledger.testkit.gen.Samples.usd("5.00");
    RecordChannelSale sale = new RecordChannelSale(org.resellledger.core.listing.Channel.EBAY, "E-1",
        List.of(SaleLine.of(ListingId.of("L1"), Sku.of("A"), 1, price), SaleLine.of(Sku.of("B"), 1, price)),
        price, price, org.resellledger.core.order.OrderStatus.PAID, origin);

    RecordChannelSale resolved = Symbols.resolve(sale, names);

    assertThat(resolved.lines().get(0).listing()).contains(ListingId.of("real-L1"));
    assertThat(resolved.lines().get(1)).isSameAs(sale.lines().get(1));
    assertThat(resolved.fees()).isEqualTo(sale.fees());
    assertThat(Symbols.resolve(new CancelOrder(OrderId.of("O2"), origin), names).order())
        .isEqualTo(OrderId.of("real-O2"));
    assertThat(Symbols.withOrigin(sale, org.resellledger.testkit.gen.Samples.manual("ben")).origin())
        .isEqualTo(org.resellledger.testkit.gen.Samples.manual("ben"));
  }

  private static Set<String> leaves(Class<?> root) {
    Set<String> out = new TreeSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c.isSealed()) {
        todo.addAll(List.of(c.getPermittedSubclasses()));
      } else {
        out.add(c.getSimpleName());
      }
    }
    return out;
  }
}
