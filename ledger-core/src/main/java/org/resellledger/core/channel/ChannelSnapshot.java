package org.resellledger.core.channel;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.value.Checks;

/**
 * What a channel says it has, all at once: its listings with their quantities, statuses and prices, as a
 * host fetched them (a reconciliation job's poll). Input to {@link Reconciliation}.
 *
 * <ul>
 *   <li>Every row is of the snapshot's channel, each channel id at most once; at most {@value #MAX_ROWS} rows.
 *   <li>A row gives what the channel gave: any of quantity (0 or more), status and price (not negative).
 * </ul>
 */
public record ChannelSnapshot(Channel channel, Instant takenAt, List<Row> rows) {
  public static final int MAX_ROWS = 100_000;

  /** One listing as the channel has it; {@code ref} is the channel's id of it. */
  public record Row(ChannelRef ref, Optional<Integer> quantity, Optional<SyncStatus> status, Optional<Money> price) {
    public Row {
      Checks.present("ref", ref);
      Checks.present("quantity", quantity).ifPresent(q -> Checks.unitsOrNone("quantity", q));
      Checks.present("status", status);
      Checks.present("price", price).ifPresent(p -> p.requireNonNegative("price"));
    }

    public static Row of(ChannelRef ref, int quantity, SyncStatus status, Money price) {
      return new Row(ref, Optional.of(quantity), Optional.of(status), Optional.of(price));
    }
  }

  public ChannelSnapshot {
    Checks.present("channel", channel);
    Checks.instant("takenAt", takenAt);
    rows = List.copyOf(Checks.present("rows", rows));
    if (rows.size() > MAX_ROWS) {
      throw RejectionException.invalid("rows", rows.size(), "at most " + MAX_ROWS + " rows");
    }
    var seen = new HashSet<ChannelRef>();
    for (int i = 0; i < rows.size(); i++) {
      ChannelRef ref = rows.get(i).ref();
      if (!ref.channel().equals(channel)) {
        throw RejectionException.invalid("rows[" + i + "].ref", ref, "a listing of " + channel);
      }
      if (!seen.add(ref)) {
        throw RejectionException.invalid("rows[" + i + "].ref", ref, "each channel id once");
      }
    }
  }
}
