package org.resellledger.samples.channels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelLinks;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.listing.ListingId;

/**
 * A channel-id map kept in this process, for a store that does not keep one: the jOOQ store implements the inbox
 * but not {@link ChannelLinkStore} yet. Applies {@link ChannelLinks}' rules as every store does. Not persisted:
 * links made by hand are lost with the process (the listing's own external id still matches without a link).
 *
 * <ul>
 *   <li>A ref stands for one listing; linking it to another is refused {@code CHANNEL_ID_TAKEN}.
 *   <li>Thread-safe; one map per workspace.
 * </ul>
 */
public final class MemoryChannelLinks implements ChannelLinkStore {
  private final Map<WorkspaceId, Map<ChannelRef, ChannelLink>> links = new ConcurrentHashMap<>();

  @Override
  public synchronized ChannelLink link(WorkspaceId workspace, ChannelLink link) {
    Map<ChannelRef, ChannelLink> map = links.computeIfAbsent(workspace, w -> new ConcurrentHashMap<>());
    ChannelLink kept = ChannelLinks.link(workspace, Optional.ofNullable(map.get(link.ref())), link);
    map.put(kept.ref(), kept);
    return kept;
  }

  @Override
  public Optional<ChannelLink> linkOf(WorkspaceId workspace, ChannelRef ref) {
    return Optional.ofNullable(links.getOrDefault(workspace, Map.of()).get(ref));
  }

  @Override
  public List<ChannelLink> linksTo(WorkspaceId workspace, ListingId listing) {
    return links.getOrDefault(workspace, Map.of()).values().stream().filter(l -> l.listing().equals(listing))
        .sorted(ChannelLinks.ORDER).toList();
  }
}
