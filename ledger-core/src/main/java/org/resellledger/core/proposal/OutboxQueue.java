package org.resellledger.core.proposal;

import java.time.LocalDate;
import java.util.Optional;
import org.resellledger.core.listing.Channel;

/**
 * What the outbox keeps per listing (or order) it writes to: the projection of its {@code OUTBOX} stream.
 *
 * <ul>
 *   <li>{@code writesOn(day)}: writes started on that calendar day, counted against the channel's edit
 *       budget; a new day starts at zero.
 *   <li>{@code restoreQuantity}: the listed quantity a sync lowering started from, while units are missing;
 *       raise and relist proposals go back up to it.
 * </ul>
 */
public record OutboxQueue(String queue, Optional<Channel> channel, Optional<LocalDate> day, int writes,
    Optional<Integer> restoreQuantity, long version) {

  public static OutboxQueue empty(String queue) {
    return new OutboxQueue(queue, Optional.empty(), Optional.empty(), 0, Optional.empty(), 0);
  }

  /** Writes started on {@code date}. */
  public int writesOn(LocalDate date) {
    return day.filter(date::equals).isPresent() ? writes : 0;
  }
}
