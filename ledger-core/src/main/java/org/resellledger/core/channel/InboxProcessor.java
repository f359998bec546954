package org.resellledger.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.inbox.Inbox;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.value.Checks;

/**
 * Processes stored provider events of one workspace: each entry that waits (RECEIVED, or PARKED, HELD or
 * FAILED when tried again) goes through its channel's {@link ChannelMapper} and ends in its next state.
 *
 * <ul>
 *   <li>An event whose signature did not verify is never applied: IGNORED, saying so.
 *   <li>A channel with no mapper: IGNORED, naming it.
 *   <li>{@link Mapping.Apply}: the commands run as one unit through {@link Ledger#executeAllOnce}, keyed by
 *       the entry ({@link #unit}), so processing an entry again never applies twice. Applied: APPLIED with
 *       its events. Refused because no listing, order or item matches: PARKED with the refusal's words;
 *       because the ledger already has the fact (an order id taken): DUPLICATE; otherwise FAILED with the
 *       code and words.
 *   <li>{@link Mapping.Unmatched}: PARKED; {@link Mapping.Early}: HELD; {@link Mapping.Ignore}: IGNORED.
 *   <li>A mapper that throws: FAILED with the exception's class and message, nothing applied.
 * </ul>
 *
 * Entries in a final state are returned as they are. An entry whose unit is already applied (by another
 * processor that has not settled it yet) ends APPLIED with the unit's events, whatever its mapper says now.
 */
public final class InboxProcessor {
  private static final Set<RejectionCode> UNMATCHED =
      Set.of(RejectionCode.UNKNOWN_LISTING, RejectionCode.UNKNOWN_ORDER, RejectionCode.UNKNOWN_ITEM);

  private final Ledger ledger;
  private final InboxStore inbox;
  private final ChannelLinkStore links;
  private final Map<Channel, ChannelMapper> mappers = new java.util.HashMap<>();

  private InboxProcessor(Ledger ledger, InboxStore inbox, ChannelLinkStore links, List<ChannelMapper> mappers) {
    this.ledger = Checks.present("ledger", ledger);
    this.inbox = Checks.present("inbox", inbox);
    this.links = Checks.present("links", links);
    for (ChannelMapper m : Checks.present("mappers", mappers)) {
      if (this.mappers.put(Checks.present("mapper", m).channel(), m) != null) {
        throw RejectionException.invalid("mappers", m.channel(), "one mapper per channel");
      }
    }
  }

  /** A processor over the ledger's workspace, its inbox and channel-id map, with one mapper per channel. */
  public static InboxProcessor of(Ledger ledger, InboxStore inbox, ChannelLinkStore links,
      List<ChannelMapper> mappers) {
    return new InboxProcessor(ledger, inbox, links, mappers);
  }

  /** The key under which an entry's commands are applied once: {@code <provider>/inbox:<entry id>}. */
  public static ProviderRef unit(InboxEntry entry) {
    return ProviderRef.of(entry.event().provider().code(), causation(entry.id()));
  }

  /** The causation every event mapped from the entry carries: {@code inbox:<entry id>}. */
  public static String causation(InboxEntryId id) {
    return "inbox:" + id.value();
  }

  /** Processes one entry (see the class comment) and returns it in its new state. */
  public InboxEntry process(InboxEntryId id) {
    InboxEntry entry = entry(id);
    if (entry.state().isFinal()) {
      return entry;
    }
    if (entry.event().signature() == SignatureVerdict.UNVERIFIED) {
      return move(id, Outcome.ignored("its signature did not verify: never applied"));
    }
    Optional<Mapping> mapping;
    try {
      mapping = mapping(entry);
    } catch (RuntimeException e) {
      return move(id, Outcome.failed(clip("the " + entry.event().provider() + " mapper failed: " + e, 2000)));
    }
    return mapping.map(m -> settle(entry, m))
        .orElseGet(() -> move(id, Outcome.ignored("no mapper for channel " + entry.event().provider())));
  }

  /**
   * Processes the RECEIVED entries, then tries the PARKED and HELD ones again, round after round while a
   * round moves something forward (an entry leaves RECEIVED, or one is applied: an applied sale can be what
   * a held cancellation waited for, an applied intake what a parked sale needed), at most {@code limit}
   * entries of each state per round (1 to InboxStore.MAX_PAGE). Returns how many entries were applied. A
   * host calls it after deliveries arrive and after local changes (a new listing or item) that could match
   * a parked entry; {@link #link} and {@link #matchByHand} call it themselves.
   */
  public int processAll(int limit) {
    int applied = 0;
    int progress;
    List<InboxState> waiting = List.of(InboxState.RECEIVED, InboxState.PARKED, InboxState.HELD);
    do {
      progress = 0;
      for (InboxState state : waiting) {
        for (InboxEntry e : inbox.inboxEntries(ledger.workspace(), state, 0, limit)) {
          InboxState after = process(e.id()).state();
          boolean isApplied = after == InboxState.APPLIED;
          applied += isApplied ? 1 : 0;
          progress += isApplied || state == InboxState.RECEIVED ? 1 : 0;
        }
      }
    } while (progress > 0);
    return applied;
  }

  /**
   * Links a channel id to a listing in the channel-id map ({@link ChannelLinkStore#link}), then processes
   * what waits, so an entry parked for want of that link is applied once. Returns the link kept.
   */
  public ChannelLink link(ChannelRef ref, ListingId listing, Actor by) {
    ChannelLink kept = keep(ref, listing, by);
    processAll(InboxStore.MAX_PAGE);
    return kept;
  }

  /**
   * A person matches a parked entry by hand: the channel id its mapper could not find (the first of its
   * {@link Mapping.Unmatched#missing}) is linked to {@code listing}, and the entry is processed again, so it
   * is applied once; later entries with that id match by themselves. Refused {@code NOT_MATCHABLE} when
   * the entry is not PARKED or its mapper names no channel id, {@code UNKNOWN_LISTING} when there is no such
   * listing, {@code CHANNEL_ID_TAKEN} when the id is linked to another listing; then nothing changes.
   */
  public InboxEntry matchByHand(InboxEntryId id, ListingId listing, Actor person) {
    Checks.present("person", person);
    if (person.kind() != Actor.Kind.PERSON) {
      throw RejectionException.invalid("person", person, "a person matches by hand");
    }
    InboxEntry entry = entry(id);
    if (entry.state() != InboxState.PARKED) {
      throw new RejectionException(RejectionCode.NOT_MATCHABLE, "inboxEntryId", id,
          "entry is " + entry.state() + "; only a PARKED entry is matched by hand");
    }
    Optional<Mapping> mapping;
    try {
      mapping = mapping(entry);
    } catch (RuntimeException e) {
      mapping = Optional.empty();
    }
    if (mapping.isEmpty() || !(mapping.get() instanceof Mapping.Unmatched u) || u.missing().isEmpty()) {
      throw new RejectionException(RejectionCode.NOT_MATCHABLE, "inboxEntryId", id,
          "its mapper names no channel id to link (" + entry.outcome().detail().orElse("") + ")");
    }
    keep(u.missing().get(0), listing, person);
    InboxEntry after = process(id);
    processAll(InboxStore.MAX_PAGE);
    return inbox.inboxEntry(ledger.workspace(), id).orElse(after);
  }

  private ChannelLink keep(ChannelRef ref, ListingId listing, Actor by) {
    Checks.present("ref", ref);
    if (ledger.listing(Checks.present("listing", listing)).isEmpty()) {
      throw new RejectionException(RejectionCode.UNKNOWN_LISTING, "listing", listing,
          "no listing with that id in workspace " + ledger.workspace());
    }
    return links.link(ledger.workspace(),
        new ChannelLink(ref, listing, Checks.present("by", by), ledger.config().clock().instant()));
  }

  /**
   * Settles the entry; when another processor settled it first (a final state allows no move), the entry
   * as that one left it: two processors of one entry end it once.
   */
  private InboxEntry move(InboxEntryId id, Outcome next) {
    try {
      return inbox.settle(ledger.workspace(), id, next);
    } catch (RejectionException e) {
      if (e.code() == RejectionCode.ILLEGAL_INBOX_TRANSITION) {
        InboxEntry now = entry(id);
        if (now.state().isFinal()) {
          return now;
        }
      }
      throw e;
    }
  }

  private InboxEntry entry(InboxEntryId id) {
    return inbox.inboxEntry(ledger.workspace(), Checks.present("id", id))
        .orElseThrow(() -> Inbox.unknown(ledger.workspace(), id));
  }

  /** The entry's mapping, or empty when its channel has no mapper. */
  private Optional<Mapping> mapping(InboxEntry entry) {
    ChannelMapper mapper = mappers.get(entry.event().provider());
    if (mapper == null) {
      return Optional.empty();
    }
    return Optional.of(Checks.present("mapping", mapper.map(entry.event(), new ChannelLookup(ledger, links, entry))));
  }

  private InboxEntry settle(InboxEntry entry, Mapping mapping) {
    if (!(mapping instanceof Mapping.Apply)) {
      // another processor may have applied this entry's unit and not settled it yet; then this mapper saw the
      // unit's own effects (an order now known): the entry is APPLIED, not what the mapper says now
      Optional<List<EventId>> applied = ledger.unitEvents(unit(entry));
      if (applied.isPresent()) {
        return move(entry.id(), Outcome.applied(applied.get()));
      }
    }
    if (mapping instanceof Mapping.Unmatched u) {
      return move(entry.id(), Outcome.parked(u.reason()));
    }
    if (mapping instanceof Mapping.Early e) {
      return move(entry.id(), Outcome.held(e.prerequisite()));
    }
    if (mapping instanceof Mapping.Ignore i) {
      return move(entry.id(), Outcome.ignored(i.reason()));
    }
    return apply(entry, (Mapping.Apply) mapping);
  }

  private InboxEntry apply(InboxEntry entry, Mapping.Apply a) {
    ProviderRef unit = unit(entry);
    try {
      List<CommandResult> results = ledger.executeAllOnce(unit, a.commands());
      List<EventId> events = results.stream().allMatch(CommandResult::duplicate)
          ? ledger.unitEvents(unit).orElse(List.of())
          : results.stream().flatMap(r -> r.events().stream()).map(LedgerEvent::id).toList();
      return move(entry.id(), Outcome.applied(events));
    } catch (RejectionException e) {
      String words = e.code() + ": " + e.getMessage();
      if (UNMATCHED.contains(e.code())) {
        return move(entry.id(), Outcome.parked(clip(words, 1000)));
      }
      if (e.code() == RejectionCode.DUPLICATE_EXTERNAL_ID) {
        return move(entry.id(), Outcome.duplicate(clip(words, 1000)));
      }
      return move(entry.id(), Outcome.failed(clip(words, 2000)));
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
