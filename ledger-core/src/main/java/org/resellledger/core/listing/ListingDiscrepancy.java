package org.resellledger.core.listing;

import java.time.Instant;
import org.resellledger.core.ledger.EventId;

/**
 * One field where a channel disagrees with the local listing: the local value, the channel's, when the
 * channel said it and the event that recorded it. A discrepancy is kept for a person to look at; it never
 * changes the listing.
 */
public record ListingDiscrepancy(ListingId listing, String field, String local, String channel, Instant channelAt,
    EventId evidence) {}
