package org.resellledger.core.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.value.Checks;

/**
 * A listing as it stands now: its details, its sync status, the last sync error if it is in ERROR, and
 * what its channel last said of it ({@link ChannelView}), kept apart from the local details.
 */
public record Listing(ListingId id, ItemId item, ListingDetails details, SyncStatus status,
    Optional<String> lastError, ChannelView channel) {

  public Listing {
    Checks.present("channel", channel);
  }

  public Listing(ListingId id, ItemId item, ListingDetails details, SyncStatus status, Optional<String> lastError) {
    this(id, item, details, status, lastError, ChannelView.NONE);
  }

  public Listing withDetails(ListingDetails newDetails) {
    return new Listing(id, item, newDetails, status, lastError, channel);
  }

  public Listing withStatus(SyncStatus newStatus, Optional<String> error) {
    return new Listing(id, item, details, newStatus, error, channel);
  }

  public Listing withChannel(ChannelView view) {
    return new Listing(id, item, details, status, lastError, view);
  }

  /**
   * Where the channel's word differs from the local listing, field by field (price, title, quantity as
   * the listed quantity, status), in that order; empty when they agree or the channel said nothing.
   */
  public List<ListingDiscrepancy> discrepancies() {
    List<ListingDiscrepancy> out = new ArrayList<>();
    differ(out, "price", details.price(), channel.price());
    differ(out, "title", details.title(), channel.title());
    differ(out, "listedQuantity", details.listedQuantity(), channel.quantity());
    differ(out, "status", status, channel.status());
    return out;
  }

  private <T> void differ(List<ListingDiscrepancy> out, String field, T local, Optional<ChannelView.Observed<T>> said) {
    said.filter(o -> !Objects.equals(o.value(), local)).ifPresent(o ->
        out.add(new ListingDiscrepancy(id, field, String.valueOf(local), String.valueOf(o.value()), o.at(), o.event())));
  }
}
