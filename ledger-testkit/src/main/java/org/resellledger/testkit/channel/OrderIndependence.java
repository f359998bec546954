package org.resellledger.testkit.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.gen.Seeds;

/**
 * The order-independence property of the channel layer, for any store: a generated {@link ChannelHistory}
 * delivered in order, one delivery at a time and processed after each, ends in a ledger state and inbox
 * outcomes; delivered in shuffled orders, each event 1 to 3 times, processed at random moments and once
 * at the end, it must end in the same ones. Each run keeps its own workspace of the store.
 *
 * <p>A failure names the seed ({@code -Dledger.seed=} replays it), the shortest history found that still
 * fails (events are dropped one by one while it does) and both states.
 */
public final class OrderIndependence<S extends LedgerStore & InboxStore & ChannelLinkStore> {
  private final S store;
  private final String prefix;
  private final ChannelMapper mapper;
  private int runs;

  private OrderIndependence(S store, String prefix, ChannelMapper mapper) {
    this.store = store;
    this.prefix = prefix;
    this.mapper = mapper;
  }

  /** The property on {@code store} with {@link SimChannel}'s mapper; workspaces are named {@code prefix-<run>}. */
  public static <S extends LedgerStore & InboxStore & ChannelLinkStore> OrderIndependence<S> on(S store, String prefix) {
    return new OrderIndependence<>(store, prefix, new SimChannel());
  }

  /** The same property with another mapper of {@link SimChannel}'s events (to show a broken one fails it). */
  public OrderIndependence<S> withMapper(ChannelMapper other) {
    return new OrderIndependence<>(store, prefix, other);
  }

  /** What a run ends in: the ledger's items and orders, and each provider event's inbox state, as text. */
  public record State(List<String> items, List<String> orders, Map<String, InboxState> outcomes) {}

  /**
   * Checks {@code cases} seeds derived from {@code master}, {@code shuffles} shuffled deliveries each;
   * throws an {@link AssertionError} naming the failing seed.
   */
  public void check(long master, int cases, int shuffles) {
    for (int c = 0; c < cases; c++) {
      long seed = Seeds.derive(master, c);
      ChannelHistory history = ChannelHistory.generate(new SplittableRandom(seed));
      SplittableRandom shuffling = new SplittableRandom(seed ^ 0x5DEECE66DL);
      for (int s = 0; s < shuffles; s++) {
        long order = shuffling.nextLong();
        String failure = failure(history, order, false);
        if (failure != null) {
          ChannelHistory shortest = shrink(history, order);
          throw new AssertionError("order independence fails for seed " + Seeds.format(seed) + " (shuffle " + s
              + "); shortest failing history: " + describe(shortest) + "\n" + failure(shortest, order, false));
        }
      }
    }
  }

  /**
   * Why {@code history} delivered in the order drawn from {@code orderSeed} ends unlike in order, or null.
   * In order every event must be APPLIED (a history where one is not is not a channel's: a refund of no
   * sale); when {@code validOnly}, such a history is not a failure, which keeps shrinking to real histories.
   */
  String failure(ChannelHistory history, long orderSeed, boolean validOnly) {
    State inOrder = inOrder(history);
    for (Map.Entry<String, InboxState> e : inOrder.outcomes().entrySet()) {
      if (e.getValue() != InboxState.APPLIED) {
        return validOnly ? null : "in order, event " + e.getKey() + " ends " + e.getValue() + ", not APPLIED";
      }
    }
    State shuffled = shuffled(history, new SplittableRandom(orderSeed));
    return inOrder.equals(shuffled) ? null : "in order:\n  " + inOrder + "\nshuffled:\n  " + shuffled;
  }

  /** Delivered one by one in order, processed after each. */
  public State inOrder(ChannelHistory history) {
    Run run = new Run(history);
    for (ProviderEvent e : history.events()) {
      run.deliver(e);
      run.processor.processAll(InboxStore.MAX_PAGE);
    }
    return run.state();
  }

  /** Each event 1-3 times, shuffled, processed at random moments and at the end. */
  public State shuffled(ChannelHistory history, SplittableRandom r) {
    Run run = new Run(history);
    List<ProviderEvent> deliveries = new ArrayList<>();
    for (ProviderEvent e : history.events()) {
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        deliveries.add(e);
      }
    }
    Collections.shuffle(deliveries, new java.util.Random(r.nextLong()));
    for (ProviderEvent e : deliveries) {
      run.deliver(e);
      if (r.nextInt(4) == 0) {
        run.processor.processAll(InboxStore.MAX_PAGE);
      }
    }
    run.processor.processAll(InboxStore.MAX_PAGE);
    return run.state();
  }

  private ChannelHistory shrink(ChannelHistory history, long orderSeed) {
    List<Integer> keep = new ArrayList<>(IntStream.range(0, history.events().size()).boxed().toList());
    for (int i = keep.size() - 1; i >= 0; i--) {
      List<Integer> fewer = new ArrayList<>(keep);
      fewer.remove(i);
      if (!fewer.isEmpty() && failure(history.only(fewer), orderSeed, true) != null) {
        keep = fewer;
      }
    }
    return history.only(keep);
  }

  private static String describe(ChannelHistory h) {
    return "stock " + h.stock() + ", events " + h.events().stream()
        .map(e -> e.providerEventId() + " " + new String(e.body(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(Collectors.joining(" | "));
  }

  /** One run: a fresh workspace with the history's items and listings. */
  private final class Run {
    final Ledger ledger;
    final InboxProcessor processor;

    Run(ChannelHistory history) {
      WorkspaceId ws = WorkspaceId.of(prefix + "-" + (++runs));
      ledger = Ledger.open(store, ws, LedgerConfig.defaults().withClock(Samples.clock()));
      processor = InboxProcessor.of(ledger, store, store, List.of(mapper));
      for (int i = 0; i < history.listings().size(); i++) {
        String sku = "SIM-" + i;
        ledger.execute(new IntakeItem(Samples.details(sku), history.stock().get(i), ItemStatus.READY_TO_LIST,
            Samples.manual("ana")));
        ledger.execute(new CreateListing(Sku.of(sku), Samples.listing(SimChannel.CHANNEL, history.listings().get(i),
            Samples.usd("25.00")), SyncStatus.DRAFT, Samples.manual("ana")));
      }
    }

    void deliver(ProviderEvent e) {
      store.receive(ledger.workspace(), InboxEntryId.of(UUID.randomUUID().toString()), e);
    }

    State state() {
      List<String> items = new ArrayList<>();
      for (Item item : ledger.items()) {
        StringBuilder b = new StringBuilder(item.sku() + " " + item.status() + " " + item.balances()
            + " conflicts " + item.conflicts().size());
        for (Listing l : item.listings().values()) {
          b.append(" | ").append(l.details().externalId().orElse("?")).append(' ').append(l.status())
              .append(" listed ").append(l.details().listedQuantity()).append(" at ").append(l.details().price())
              .append(" channel says ").append(said(l));
        }
        items.add(b.toString());
      }
      List<String> orders = new ArrayList<>();
      for (Order o : ledger.orders()) {
        String lines = o.lines().stream().map(l -> l.sku() + " x" + l.quantity() + " @" + l.unitPrice()
            + " committed " + l.committed() + " handed " + l.handedOver() + " returned " + l.returned())
            .collect(Collectors.joining(", "));
        orders.add(o.externalOrderId().orElse("?") + " " + o.status() + " [" + lines + "] refunded " + o.refunded()
            + " tracking " + o.tracking().orElse("-"));
      }
      Collections.sort(orders);
      Map<String, InboxState> outcomes = new TreeMap<>();
      for (InboxState state : InboxState.values()) {
        for (int offset = 0; ; offset += InboxStore.MAX_PAGE) {
          List<InboxEntry> page = store.inboxEntries(ledger.workspace(), state, offset, InboxStore.MAX_PAGE);
          page.forEach(e -> outcomes.put(e.event().providerEventId(), e.state()));
          if (page.size() < InboxStore.MAX_PAGE) {
            break;
          }
        }
      }
      return new State(items, orders, outcomes);
    }

    private String said(Listing l) {
      var v = l.channel();
      return "price " + v.price().map(o -> o.value() + "@" + o.at()).orElse("-")
          + " quantity " + v.quantity().map(o -> o.value() + "@" + o.at()).orElse("-");
    }
  }
}
