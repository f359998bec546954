package org.resellledger.core.listing;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.money.Money;
import org.resellledger.core.value.Checks;

/**
 * What the channel last said of a listing, field by field: each field with the channel's time of it and
 * the ledger event that recorded it (whose origin names the provider event). Kept beside the listing's own
 * details, which a channel never changes.
 *
 * <ul>
 *   <li>Each field moves only forward in the channel's time: an observation older than the field's is
 *       left out ({@link #newerPart}), so the view does not depend on the order observations arrive in.
 *   <li>At the same time, the larger value as text wins, so two different words of one moment end the
 *       same whichever came first.
 * </ul>
 */
public record ChannelView(
    Optional<Observed<Money>> price,
    Optional<Observed<String>> title,
    Optional<Observed<Integer>> quantity,
    Optional<Observed<SyncStatus>> status) {

  public static final ChannelView NONE =
      new ChannelView(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** One field as the channel said it: the value, the channel's time and the recording event. */
  public record Observed<T>(T value, Instant at, EventId event) {
    public Observed {
      Checks.present("value", value);
      Checks.present("at", at);
      Checks.present("event", event);
    }
  }

  public ChannelView {
    Checks.present("price", price);
    Checks.present("title", title);
    Checks.present("quantity", quantity);
    Checks.present("status", status);
  }

  /**
   * The part of {@code o} that is newer than this view, field by field, or empty when nothing is: what a
   * recording of {@code o} changes.
   */
  public Optional<ChannelObservation> newerPart(ChannelObservation o) {
    Optional<Money> p = o.price().filter(v -> newer(price, v, o.observedAt()));
    Optional<String> t = o.title().filter(v -> newer(title, v, o.observedAt()));
    Optional<Integer> q = o.quantity().filter(v -> newer(quantity, v, o.observedAt()));
    Optional<SyncStatus> s = o.status().filter(v -> newer(status, v, o.observedAt()));
    if (p.isEmpty() && t.isEmpty() && q.isEmpty() && s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ChannelObservation(o.observedAt(), p, t, q, s));
  }

  /** This view with {@code o}'s fields, recorded by {@code event}. */
  public ChannelView with(ChannelObservation o, EventId event) {
    return new ChannelView(
        o.price().map(v -> new Observed<>(v, o.observedAt(), event)).or(() -> price),
        o.title().map(v -> new Observed<>(v, o.observedAt(), event)).or(() -> title),
        o.quantity().map(v -> new Observed<>(v, o.observedAt(), event)).or(() -> quantity),
        o.status().map(v -> new Observed<>(v, o.observedAt(), event)).or(() -> status));
  }

  private static <T> boolean newer(Optional<Observed<T>> field, T value, Instant at) {
    if (field.isEmpty()) {
      return true;
    }
    int time = at.compareTo(field.get().at());
    return time > 0 || time == 0 && String.valueOf(value).compareTo(String.valueOf(field.get().value())) > 0;
  }
}
