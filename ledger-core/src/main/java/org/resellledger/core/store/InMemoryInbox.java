package org.resellledger.core.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.DedupeKey;
import org.resellledger.core.inbox.Inbox;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.value.Checks;

/**
 * The in-memory store's inbox: entries by workspace, with the order they were made in (the tie-breaker of
 * "newest first"). Not thread-safe on its own: {@link InMemoryLedgerStore} calls it holding its monitor.
 */
final class InMemoryInbox {
  private record Kept(InboxEntry entry, long seq) {}

  private final Map<WorkspaceId, Map<InboxEntryId, Kept>> entries = new HashMap<>();
  private final Map<WorkspaceId, Map<DedupeKey, List<InboxEntryId>>> keys = new HashMap<>();
  private long seq;

  private Map<InboxEntryId, Kept> entries(WorkspaceId ws) {
    return entries.computeIfAbsent(ws, w -> new HashMap<>());
  }

  Delivered receive(WorkspaceId ws, InboxEntryId id, ProviderEvent event) {
    Checks.present("workspace", ws);
    Checks.present("event", event);
    List<InboxEntryId> sameKey = keys.computeIfAbsent(ws, w -> new HashMap<>())
        .computeIfAbsent(event.dedupeKey(), k -> new ArrayList<>());
    Map<InboxEntryId, Kept> all = entries(ws);
    Delivered d = Inbox.receive(sameKey.stream().map(k -> all.get(k).entry()).toList(), all.containsKey(id), id,
        event);
    Kept before = all.get(d.entry().id());
    all.put(d.entry().id(), new Kept(d.entry(), before == null ? ++seq : before.seq()));
    if (before == null) {
      sameKey.add(d.entry().id());
    }
    return d;
  }

  Optional<InboxEntry> entry(WorkspaceId ws, InboxEntryId id) {
    return Optional.ofNullable(entries(ws).get(id)).map(Kept::entry);
  }

  List<InboxEntry> entries(WorkspaceId ws, InboxState state, int offset, int limit) {
    Inbox.page(state, offset, limit);
    return entries(ws).values().stream().filter(k -> k.entry().state() == state)
        .sorted(Comparator.comparing((Kept k) -> k.entry().event().receivedAt()).thenComparing(Kept::seq).reversed())
        .skip(offset).limit(limit).map(Kept::entry).toList();
  }

  InboxEntry settle(WorkspaceId ws, InboxEntryId id, Outcome next) {
    Kept current = entries(ws).get(id);
    if (current == null) {
      throw Inbox.unknown(ws, id);
    }
    InboxEntry moved = Inbox.settle(current.entry(), next);
    entries(ws).put(id, new Kept(moved, current.seq()));
    return moved;
  }
}
