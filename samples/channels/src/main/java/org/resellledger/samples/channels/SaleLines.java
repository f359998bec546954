package org.resellledger.samples.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.SaleLine;

/**
 * Matching a channel's order lines to the ledger, the same way for every channel: a line's channel ids (through
 * the channel-id map, else a listing whose external id it is) find its listing; failing that, its SKU finds the
 * item (a sale without a listing); failing both, the line is unmatched and its first channel id is what a person
 * may link by hand.
 */
public final class SaleLines {
  private final ChannelLookup lookup;
  private final List<SaleLine> lines = new ArrayList<>();
  private final List<ChannelRef> missing = new ArrayList<>();
  private final List<String> misses = new ArrayList<>();

  public SaleLines(ChannelLookup lookup) {
    this.lookup = lookup;
  }

  /** Adds one channel line: {@code refs} first one first, {@code sku} as the channel gave it. */
  public SaleLines add(List<ChannelRef> refs, Optional<String> sku, int quantity, Money unitPrice, String path) {
    if (quantity <= 0) {
      throw new PayloadException("wrong value: " + path + ".quantity is " + quantity + ", expected 1 or more");
    }
    Optional<Listing> listing = lookup.listing(refs);
    if (listing.isPresent()) {
      lines.add(SaleLine.of(listing.get().id(), lookup.itemOf(listing.get()).sku(), quantity, unitPrice));
      return this;
    }
    Optional<Item> item = sku.flatMap(SaleLines::sku).flatMap(lookup::item);
    if (item.isPresent()) {
      lines.add(SaleLine.of(item.get().sku(), quantity, unitPrice));
      return this;
    }
    if (!refs.isEmpty()) {
      missing.add(refs.get(0));
    }
    misses.add((refs.isEmpty() ? "a line" : refs.get(0).toString()) + sku.map(s -> " (SKU " + s + ")").orElse(""));
    return this;
  }

  /** The lines, when every one matched. */
  public Optional<List<SaleLine>> matched() {
    return misses.isEmpty() && !lines.isEmpty() ? Optional.of(List.copyOf(lines)) : Optional.empty();
  }

  /** Why not every line matched, with the channel ids to link. */
  public Mapping.Unmatched unmatched(String order) {
    return new Mapping.Unmatched(Json.clip("no listing or item for " + String.join(", ", misses) + " of " + order,
        1000), missing);
  }

  private static Optional<Sku> sku(String text) {
    try {
      return Optional.of(Sku.of(text));
    } catch (RejectionException e) {
      return Optional.empty();
    }
  }
}
