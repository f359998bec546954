package org.resellledger.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.value.Checks;

/**
 * Processes stored provider events of one workspace: each entry that waits (RECEIVED, or PARKED, HELD or
 * FAILED when tried again) goes through its channel's {@link ChannelMapper} and ends in its next state.
 *
 * <ul>
 *   <li>An event whose signature did not verify is never applied: IGNORED, saying so.
 *   <li>A channel with no mapper: IGNORED, naming it.
 *   <li>{@link Mapping.Apply}: the command runs through {@link Ledger#execute}; it must carry the event's
 *       provider event id (else FAILED: it would not be idempotent). Applied: APPLIED with its events (a
 *       command the ledger already has from this event id gives the first outcome, so processing again
 *       never applies twice). Refused because no listing, order or item matches: PARKED with the refusal's
 *       words. Refused otherwise: FAILED with the code and words.
 *   <li>{@link Mapping.Unmatched}: PARKED; {@link Mapping.Early}: HELD; {@link Mapping.Ignore}: IGNORED.
 *   <li>A mapper that throws: FAILED with the exception's class and message, nothing applied.
 * </ul>
 *
 * Entries in a final state are returned as they are.
 */
public final class InboxProcessor {
  private static final Set<RejectionCode> UNMATCHED =
      Set.of(RejectionCode.UNKNOWN_LISTING, RejectionCode.UNKNOWN_ORDER, RejectionCode.UNKNOWN_ITEM);

  private final Ledger ledger;
  private final InboxStore inbox;
  private final Map<Channel, ChannelMapper> mappers = new java.util.HashMap<>();

  private InboxProcessor(Ledger ledger, InboxStore inbox, List<ChannelMapper> mappers) {
    this.ledger = Checks.present("ledger", ledger);
    this.inbox = Checks.present("inbox", inbox);
    for (ChannelMapper m : Checks.present("mappers", mappers)) {
      if (this.mappers.put(Checks.present("mapper", m).channel(), m) != null) {
        throw RejectionException.invalid("mappers", m.channel(), "one mapper per channel");
      }
    }
  }

  public static InboxProcessor of(Ledger ledger, InboxStore inbox, List<ChannelMapper> mappers) {
    return new InboxProcessor(ledger, inbox, mappers);
  }

  /** Processes one entry (see the class comment) and returns it in its new state. */
  public InboxEntry process(InboxEntryId id) {
    InboxEntry entry = inbox.inboxEntry(ledger.workspace(), Checks.present("id", id))
        .orElseThrow(() -> org.resellledger.core.inbox.Inbox.unknown(ledger.workspace(), id));
    if (entry.state().isFinal()) {
      return entry;
    }
    if (entry.event().signature() == SignatureVerdict.UNVERIFIED) {
      return inbox.ignore(ledger.workspace(), id, "its signature did not verify: never applied");
    }
    ChannelMapper mapper = mappers.get(entry.event().provider());
    if (mapper == null) {
      return inbox.ignore(ledger.workspace(), id, "no mapper for channel " + entry.event().provider());
    }
    Mapping mapping;
    try {
      mapping = mapper.map(entry.event(), ledger);
    } catch (RuntimeException e) {
      return inbox.fail(ledger.workspace(), id, "the " + entry.event().provider() + " mapper failed: " + e);
    }
    return settle(entry, mapping);
  }

  /**
   * Processes the RECEIVED entries, then tries the PARKED and HELD ones again, round after round while a
   * round applies something (an applied sale can be what a held cancellation waited for, an applied intake
   * what a parked sale needed), at most {@code limit} entries of each state per round (1 to
   * InboxStore.MAX_PAGE). Returns how many entries were applied. A host calls it after deliveries arrive
   * and after local changes (a new listing or item) that could match a parked entry.
   */
  public int processAll(int limit) {
    int applied = 0;
    int round;
    List<InboxState> waiting = List.of(InboxState.RECEIVED, InboxState.PARKED, InboxState.HELD);
    do {
      round = 0;
      for (InboxState state : waiting) {
        for (InboxEntry e : inbox.inboxEntries(ledger.workspace(), state, 0, limit)) {
          round += process(e.id()).state() == InboxState.APPLIED ? 1 : 0;
        }
      }
      applied += round;
    } while (round > 0);
    return applied;
  }

  private InboxEntry settle(InboxEntry entry, Mapping mapping) {
    var ws = ledger.workspace();
    if (mapping instanceof Mapping.Unmatched u) {
      return inbox.park(ws, entry.id(), u.reason());
    }
    if (mapping instanceof Mapping.Early e) {
      return inbox.hold(ws, entry.id(), e.prerequisite());
    }
    if (mapping instanceof Mapping.Ignore i) {
      return inbox.ignore(ws, entry.id(), i.reason());
    }
    if (mapping instanceof Mapping.Apply a) {
      return apply(entry, a);
    }
    return inbox.fail(ws, entry.id(), "the mapper answered nothing");
  }

  private InboxEntry apply(InboxEntry entry, Mapping.Apply a) {
    var ws = ledger.workspace();
    if (a.command().origin().provider().isEmpty()) {
      return inbox.fail(ws, entry.id(), "the mapper's " + a.command().getClass().getSimpleName()
          + " carries no provider event id, so it would not be idempotent; nothing applied");
    }
    try {
      CommandResult result = ledger.execute(a.command());
      return inbox.markApplied(ws, entry.id(), result.events().stream().map(LedgerEvent::id).toList());
    } catch (RejectionException e) {
      String words = e.code() + ": " + e.getMessage();
      return UNMATCHED.contains(e.code()) ? inbox.park(ws, entry.id(), clip(words, 1000))
          : inbox.fail(ws, entry.id(), clip(words, 2000));
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
