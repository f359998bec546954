package org.resellledger.core.count;

import java.time.Instant;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.EventId;

/**
 * What the last closed count of a location found: the projection of the location's stream (kind
 * {@code LOCATION}, one per location ever counted).
 *
 * <ul>
 *   <li>{@code lastVerified} is when the last count of this location closed; a count of a location also
 *       verifies everything under it ({@link CountBook#lastVerified}).
 *   <li>{@code unitsCounted} is what that session counted, {@code closedBy} its {@code CountClosed} event.
 * </ul>
 */
public record LocationCount(StorageLocation location, Instant lastVerified, CountSessionId session,
    long unitsCounted, EventId closedBy, long version) {}
