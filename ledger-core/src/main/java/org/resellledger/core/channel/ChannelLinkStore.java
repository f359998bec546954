package org.resellledger.core.channel;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.listing.ListingId;

/**
 * The persisted map from channel ids to listings: the port a store implements beside {@code LedgerStore}
 * ({@code InMemoryLedgerStore}, the jOOQ store). The rules are {@link ChannelLinks}'s; a store keeps, and
 * enforces one listing per (workspace, ref) with a unique constraint.
 *
 * <ul>
 *   <li>{@link #link} keeps a link once: the same ref linked again to the same listing returns the first
 *       link unchanged; linked to another listing it is refused {@code CHANNEL_ID_TAKEN} and nothing changes.
 *   <li>Every read is scoped to one workspace.
 * </ul>
 */
public interface ChannelLinkStore {
  /** Keeps the link, or returns the one already kept for its ref (see the class comment). */
  ChannelLink link(WorkspaceId workspace, ChannelLink link);

  Optional<ChannelLink> linkOf(WorkspaceId workspace, ChannelRef ref);

  /** The links to {@code listing}, by channel, kind and id. */
  List<ChannelLink> linksTo(WorkspaceId workspace, ListingId listing);
}
