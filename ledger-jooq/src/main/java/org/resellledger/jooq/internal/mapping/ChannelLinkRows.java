package org.resellledger.jooq.internal.mapping;

import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.jooq.internal.schema.tables.records.LedgerChannelLinksRecord;

/**
 * A {@link ChannelLink} as a row of {@code ledger_channel_links} and back.
 *
 * <ul>
 *   <li>The ref is three columns (channel, kind, id), the actor two (kind, name).
 *   <li>The instant is a microsecond timestamp plus the nanoseconds below it, so a link reads back equal.
 * </ul>
 */
public final class ChannelLinkRows {
  private ChannelLinkRows() {}

  public static LedgerChannelLinksRecord toRecord(WorkspaceId workspace, ChannelLink link) {
    LedgerChannelLinksRecord r = new LedgerChannelLinksRecord();
    r.setWorkspaceId(workspace.value());
    r.setChannel(link.ref().channel().code());
    r.setRefKind(link.ref().kind());
    r.setRefId(link.ref().id());
    r.setListingId(link.listing().value());
    r.setLinkedByKind(link.linkedBy().kind().name());
    r.setLinkedByName(link.linkedBy().name());
    r.setLinkedAt(Times.micros(link.linkedAt()));
    r.setLinkedAtNanos(Times.belowMicros(link.linkedAt()));
    return r;
  }

  public static ChannelLink toLink(LedgerChannelLinksRecord r) {
    return new ChannelLink(ChannelRef.of(Channel.of(r.getChannel()), r.getRefKind(), r.getRefId()),
        ListingId.of(r.getListingId()), new Actor(Actor.Kind.valueOf(r.getLinkedByKind()), r.getLinkedByName()),
        Times.instant(r.getLinkedAt(), r.getLinkedAtNanos()));
  }
}
