package org.resellledger.testkit.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.testkit.gen.Samples;

/**
 * A generated history of one {@link SimChannel} shop: its listings (with the stock they start with) and the
 * provider events in the order they happened: for each order a sale, then a cancellation, or a fulfilment
 * and perhaps a refund with restock; for listings inventory levels and price updates at times of their
 * own, ties included. Every event is a different fact, so in order each is APPLIED.
 *
 * @param listings the listings' external ids, {@code L0, L1, ...}; listing {@code Lk} is of item {@code SIM-k}
 * @param stock the units each item starts with: enough for every sale of it, so no sale is a double sale
 */
public record ChannelHistory(List<String> listings, List<Integer> stock, List<ProviderEvent> events) {
  public static final Instant START = Samples.NOW.minusSeconds(86_400);

  public ChannelHistory {
    listings = List.copyOf(listings);
    stock = List.copyOf(stock);
    events = List.copyOf(events);
  }

  /** A history of 2-4 listings, 2-7 orders and 0-4 channel observations per listing. */
  public static ChannelHistory generate(RandomGenerator r) {
    int listingCount = 2 + r.nextInt(3);
    List<String> listings = new ArrayList<>();
    int[] sold = new int[listingCount];
    for (int i = 0; i < listingCount; i++) {
      listings.add("L" + i);
    }
    List<byte[]> bodies = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    int orders = 2 + r.nextInt(6);
    for (int o = 0; o < orders; o++) {
      String order = "O" + o;
      int listing = r.nextInt(listingCount);
      int qty = 1 + r.nextInt(2);
      int price = 10 + r.nextInt(40);
      sold[listing] += qty;
      add(bodies, topics, "sale", "order", order, "listing", "L" + listing, "qty", "" + qty, "price", price + ".00");
      int fate = r.nextInt(10);
      if (fate < 3) {
        add(bodies, topics, "cancel", "order", order);
      } else if (fate < 8) {
        add(bodies, topics, "ship", "order", order, "tracking", "T" + o);
        if (r.nextInt(10) < 4) {
          add(bodies, topics, "refund", "order", order, "amount", (1 + r.nextInt(price * qty)) + ".00",
              "restock", "" + r.nextInt(qty + 1));
        }
      }
      for (int k = 0; k < r.nextInt(2); k++) {
        observation(r, bodies, topics, listingCount);
      }
    }
    for (int k = 0; k < r.nextInt(3); k++) {
      observation(r, bodies, topics, listingCount);
    }
    List<Integer> stock = new ArrayList<>();
    for (int s : sold) {
      stock.add(s + r.nextInt(3));
    }
    List<ProviderEvent> events = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      events.add(event(i, topics.get(i), bodies.get(i)));
    }
    return new ChannelHistory(listings, stock, events);
  }

  /** The same shop with only the events {@code keep} names (by index), for shrinking. */
  public ChannelHistory only(List<Integer> keep) {
    return new ChannelHistory(listings, stock, keep.stream().map(events::get).toList());
  }

  private static void observation(RandomGenerator r, List<byte[]> bodies, List<String> topics, int listings) {
    String at = START.plusSeconds(60L * r.nextInt(4)).toString();
    String listing = "L" + r.nextInt(listings);
    if (r.nextBoolean()) {
      add(bodies, topics, "level", "listing", listing, "available", "" + r.nextInt(4), "at", at);
    } else {
      add(bodies, topics, "price", "listing", listing, "price", (5 + r.nextInt(30)) + ".00", "at", at);
    }
  }

  private static void add(List<byte[]> bodies, List<String> topics, String kind, String... pairs) {
    bodies.add(SimChannel.body(kind, pairs));
    topics.add(kind);
  }

  private static ProviderEvent event(int n, String topic, byte[] body) {
    Instant at = START.plusSeconds(n);
    return ProviderEvent.builder().provider(SimChannel.CHANNEL).account("sim-shop").topic(topic)
        .providerEventId("e" + n).receivedAt(at).occurredAt(at).body(body).signature(SignatureVerdict.VERIFIED)
        .build();
  }
}
