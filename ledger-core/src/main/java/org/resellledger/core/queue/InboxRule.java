package org.resellledger.core.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.inbox.InboxEntry;

/** An inbox entry that waits (parked, held, failed, in conflict) as a queue entry. */
final class InboxRule {
  private InboxRule() {}

  static QueueEntry entry(InboxEntry e) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("state", e.state().name());
    figures.put("provider", e.event().provider().code());
    figures.put("topic", e.event().topic());
    figures.put("providerEventId", e.event().providerEventId());
    figures.put("deliveries", String.valueOf(e.deliveries()));
    e.outcome().detail().ifPresent(d -> figures.put("detail", d));
    String action = switch (e.state()) {
      case PARKED -> "link the channel id to its listing (InboxProcessor.link) or match the entry by hand "
          + "(InboxProcessor.matchByHand)";
      case HELD -> "wait for its prerequisite, or process the inbox again once it has arrived (processAll)";
      case FAILED -> "fix the cause named in detail, then process the entry again (InboxProcessor.process)";
      default -> "compare with the first entry named in detail; the channel sent two bodies under one key";
    };
    return new QueueEntry(QueueKind.UNMATCHED_PROVIDER_EVENT, e.id().value(),
        e.state() + " " + e.event().provider().code() + " " + e.event().topic(), List.of(), figures, action,
        Optional.empty());
  }
}
