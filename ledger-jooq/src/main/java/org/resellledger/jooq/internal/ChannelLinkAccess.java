package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_CHANNEL_LINKS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelLinks;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.jooq.internal.mapping.ChannelLinkRows;

/**
 * The jOOQ store's channel-id map on {@code ledger_channel_links}. Core's {@link ChannelLinks} decides; this
 * reads the ref's row, writes what core decided, and lets the table's primary key settle races.
 *
 * <ul>
 *   <li>{@link #link} reads the ref's row and inserts only when there is none, in one transaction; an insert
 *       that meets the key another writer took first rolls back and is tried again, and then reads the
 *       winner's row: the same listing returns the winner's link, another is refused {@code CHANNEL_ID_TAKEN}.
 *   <li>A kept link is never updated or deleted here.
 *   <li>Every statement binds its values; every read is scoped to one workspace.
 * </ul>
 */
public final class ChannelLinkAccess {
  /** Tries of one link against writers of the same ref: each lost try means another writer took the key. */
  private static final int TRIES = 200;

  private final Database db;

  public ChannelLinkAccess(Database db) {
    this.db = db;
  }

  public ChannelLink link(WorkspaceId ws, ChannelLink wanted) {
    java.util.Objects.requireNonNull(ws, "workspace");
    ChannelLinks.requireLink(wanted);
    for (int tries = 1; ; tries++) {
      try {
        return db.transaction("linking " + wanted.ref(), dsl -> {
          Optional<ChannelLink> kept = read(dsl, ws, wanted.ref());
          ChannelLink decided = ChannelLinks.link(ws, kept, wanted);
          if (kept.isEmpty()) {
            dsl.executeInsert(ChannelLinkRows.toRecord(ws, decided));
          }
          return decided;
        });
      } catch (ConcurrencyException lost) {
        if (tries >= TRIES) {
          throw lost;
        }
        Thread.onSpinWait();
      }
    }
  }

  public Optional<ChannelLink> linkOf(WorkspaceId ws, ChannelRef ref) {
    java.util.Objects.requireNonNull(ws, "workspace");
    ChannelLinks.requireRef(ref);
    return db.read("reading the link of " + ref, dsl -> read(dsl, ws, ref));
  }

  /** The listing's links, sorted by {@link ChannelLinks#ORDER} here (not by the database's collation). */
  public List<ChannelLink> linksTo(WorkspaceId ws, ListingId listing) {
    java.util.Objects.requireNonNull(ws, "workspace");
    ChannelLinks.requireListing(listing);
    return db.read("reading the links to listing " + listing, dsl -> dsl.selectFrom(LEDGER_CHANNEL_LINKS)
        .where(LEDGER_CHANNEL_LINKS.WORKSPACE_ID.eq(ws.value()), LEDGER_CHANNEL_LINKS.LISTING_ID.eq(listing.value()))
        .fetch().map(ChannelLinkRows::toLink).stream().sorted(ChannelLinks.ORDER).toList());
  }

  private static Optional<ChannelLink> read(DSLContext dsl, WorkspaceId ws, ChannelRef ref) {
    return dsl.selectFrom(LEDGER_CHANNEL_LINKS).where(whereRef(ws, ref)).fetchOptional()
        .map(ChannelLinkRows::toLink);
  }

  private static Condition whereRef(WorkspaceId ws, ChannelRef ref) {
    return LEDGER_CHANNEL_LINKS.WORKSPACE_ID.eq(ws.value())
        .and(LEDGER_CHANNEL_LINKS.CHANNEL.eq(ref.channel().code()))
        .and(LEDGER_CHANNEL_LINKS.REF_KIND.eq(ref.kind()))
        .and(LEDGER_CHANNEL_LINKS.REF_ID.eq(ref.id()));
  }
}
