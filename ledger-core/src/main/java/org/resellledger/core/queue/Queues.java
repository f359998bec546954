package org.resellledger.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.OrderQuery;
import org.resellledger.core.store.Page;

/**
 * The exception queues of one workspace, derived from the ledger's records on every read (nothing is
 * stored), read through the store's paged reads so that no page loads the whole workspace.
 *
 * <ul>
 *   <li>Each entry carries its evidence (event ids and figures) and a suggested next action; the rules
 *       that put an entry in a queue are {@link ItemRulesOfQueues}, {@link OrderRulesOfQueues} and
 *       {@link ProposalRulesOfQueues}, {@link MessageRuleOfQueues}, in core only.
 *   <li>{@link #page} walks one queue with a keyset cursor (a SKU, an order cursor, an inbox position, a
 *       proposal key or a message's waiting key);
 *       {@link #top} gives the first entries across every queue in {@link QueueKind} priority order.
 *   <li>Time comes from the ledger's clock; nothing here writes.
 * </ul>
 */
public final class Queues {
  /**
   * Rows read from the store at a time while a queue's rule filters them: the first read asks for the rows
   * the page still wants (at least {@link #MIN_BATCH}), and each further read of the same page asks for twice
   * as many as the one before (at most {@link #MAX_BATCH}), so a page whose rows the rule mostly accepts
   * decodes about what it shows, and one whose rows it mostly rejects needs few reads.
   */
  static final int MIN_BATCH = 16;
  /** Rows read at a time by the walks that are not a page scan (the locations' items, the proposals' keys). */
  static final int BATCH = 200;
  static final int MAX_BATCH = 500;
  private static final List<InboxState> WAITING =
      List.of(InboxState.PARKED, InboxState.HELD, InboxState.FAILED, InboxState.CONFLICT);

  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final Optional<InboxStore> inbox;
  private final LedgerConfig config;
  private final ItemRulesOfQueues items;
  private final OrderRulesOfQueues orders;
  private final ProposalRulesOfQueues proposals;
  private final LocationRulesOfQueues locations;

  private Queues(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy,
      Optional<InboxStore> inbox) {
    this.store = store;
    this.workspace = workspace;
    this.inbox = inbox;
    this.config = config;
    this.items = new ItemRulesOfQueues(store, workspace, config, policy);
    this.orders = new OrderRulesOfQueues(store, workspace, config, policy);
    this.proposals = new ProposalRulesOfQueues(store, workspace, config, policy);
    this.locations = new LocationRulesOfQueues(store, workspace, config, policy);
  }

  /** The queues of a workspace; {@code inbox} is where provider events wait, if the host keeps them. */
  public static Queues open(LedgerStore store, WorkspaceId workspace, LedgerConfig config, QueuePolicy policy,
      Optional<InboxStore> inbox) {
    return new Queues(Objects.requireNonNull(store, "store"), Objects.requireNonNull(workspace, "workspace"),
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(inbox, "inbox"));
  }

  /** One page of one queue, after the cursor a previous page gave. */
  public Page<QueueEntry> page(QueueKind kind, Optional<String> after, int limit) {
    Page.limit(limit);
    Objects.requireNonNull(after, "after");
    return switch (kind) {
      case DOUBLE_SALE -> scanItems(ItemQuery.all().conflicted(), items::doubleSale, after, limit);
      case LATE_SHIPMENT -> scanOrders(OrderRulesOfQueues.UNSHIPPED, orders::lateShipment, after, limit);
      case MISSING_TRACKING -> scanOrders(OrderRulesOfQueues.SHIPPED, orders::missingTracking, after, limit);
      case UNMATCHED_PROVIDER_EVENT -> inboxPage(after, limit);
      case BLOCKED_WRITE -> proposals.blockedWrites(after, limit);
      case SYNC_ERROR -> scanItems(ItemQuery.all().listed(org.resellledger.core.listing.SyncStatus.ERROR),
          items::syncError, after, limit);
      case LISTING_DISCREPANCY -> scanItems(ItemQuery.all().listed(org.resellledger.core.listing.SyncStatus.values()),
          items::discrepancy, after, limit);
      case RETURN_DEADLINE -> scanOrders(OrderRulesOfQueues.RETURNING, orders::returnDeadline, after, limit);
      case AWAITING_INSPECTION -> scanItems(ItemQuery.all().holding(org.resellledger.core.ledger.Bucket.INSPECTION),
          items::awaitingInspection, after, limit);
      case BUYER_MESSAGE -> messagePage(after, limit);
      case RISKY_CHANGE -> proposals.riskyChanges(after, limit);
      case STALE_APPROVAL -> proposals.staleApprovals(after, limit);
      case STALE_DRAFT -> scanItems(ItemQuery.all().listed(org.resellledger.core.listing.SyncStatus.DRAFT),
          items::staleDraft, after, limit);
      case STUCK_STATUS -> scanItems(ItemRulesOfQueues.STUCK, items::stuck, after, limit);
      case MISSING_PHOTOS -> scanItems(ItemRulesOfQueues.WORKING, items::missingPhotos, after, limit);
      case NO_LISTING -> scanItems(ItemRulesOfQueues.WORKING, items::noListing, after, limit);
      case UNCOUNTED_LOCATION -> locations.page(after, limit);
    };
  }

  /** The first {@code limit} entries across every queue, most urgent queue first. */
  public List<QueueEntry> top(int limit) {
    Page.limit(limit);
    List<QueueEntry> out = new ArrayList<>();
    for (QueueKind kind : QueueKind.values()) {
      Optional<String> after = Optional.empty();
      do {
        Page<QueueEntry> page = page(kind, after, limit - out.size());
        out.addAll(page.rows());
        after = page.next();
      } while (after.isPresent() && out.size() < limit);
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  private Page<QueueEntry> scanItems(ItemQuery query, Function<Item, Optional<Pending>> rule,
      Optional<String> after, int limit) {
    return scan((a, n) -> store.itemPage(workspace, query, a, n), ItemQuery::cursor, rule, after, limit);
  }

  private Page<QueueEntry> scanOrders(OrderQuery query, Function<Order, Optional<Pending>> rule,
      Optional<String> after, int limit) {
    return scan((a, n) -> store.orderPage(workspace, query, a, n), OrderQuery::cursor, rule, after, limit);
  }

  /**
   * Walks the store's pages from {@code after}, keeps the rows the rule accepts on their own fields, and
   * finishes them with their streams, read in one store read per batch of entries still wanted. Store pages
   * grow from what the page still wants ({@link #MIN_BATCH}, {@link #MAX_BATCH}).
   */
  private <T> Page<QueueEntry> scan(BiFunction<Optional<String>, Integer, Page<T>> read, Function<T, String> cursorOf,
      Function<T, Optional<Pending>> rule, Optional<String> after, int limit) {
    List<QueueEntry> out = new ArrayList<>();
    Optional<String> consumed = after;
    Optional<String> fetchAfter = after;
    List<T> rows = List.of();
    int index = 0;
    boolean more = true;
    int batch = Math.min(MAX_BATCH, Math.max(MIN_BATCH, limit));
    boolean first = true;
    while (out.size() < limit) {
      List<Pending> pending = new ArrayList<>();
      while (pending.size() < limit - out.size()) {
        if (index == rows.size()) {
          if (!more) {
            break;
          }
          if (!first) {
            batch = Math.min(MAX_BATCH, batch * 2);
          }
          first = false;
          Page<T> page = read.apply(fetchAfter, batch);
          rows = page.rows();
          index = 0;
          more = page.next().isPresent();
          fetchAfter = page.next();
          if (rows.isEmpty()) {
            break;
          }
        }
        T row = rows.get(index++);
        consumed = Optional.of(cursorOf.apply(row));
        rule.apply(row).ifPresent(pending::add);
      }
      if (!pending.isEmpty()) {
        Map<StreamId, List<LedgerEvent>> streams =
            store.streamsOf(workspace, pending.stream().map(Pending::stream).toList());
        for (Pending p : pending) {
          p.finish().apply(streams.getOrDefault(p.stream(), List.of())).ifPresent(out::add);
        }
      }
      if (index == rows.size() && !more) {
        return new Page<>(out, out.size() == limit ? consumed : Optional.empty());
      }
    }
    return new Page<>(out, consumed);
  }

  /**
   * Buyer messages waiting for a person, oldest received first ({@code MessageBook.waiting}'s index); the
   * cursor is the last entry's waiting key.
   */
  private Page<QueueEntry> messagePage(Optional<String> after, int limit) {
    java.time.Instant now = config.clock().instant();
    Page<BuyerMessage> page = MessageStreams.waiting(store, workspace, after, limit);
    return new Page<>(page.rows().stream().map(m -> MessageRuleOfQueues.entry(m, now)).toList(), page.next());
  }

  /** Inbox entries waiting, state by state; the cursor is {@code <state>:<offset>}. */
  private Page<QueueEntry> inboxPage(Optional<String> after, int limit) {
    if (inbox.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    int state = 0;
    int offset = 0;
    if (after.isPresent()) {
      String[] parts = after.get().split(":");
      try {
        state = WAITING.indexOf(InboxState.valueOf(parts[0]));
        offset = Integer.parseInt(parts[1]);
      } catch (RuntimeException e) {
        throw RejectionException.invalid("after", after.get(), "a cursor from an inbox queue page");
      }
    }
    List<QueueEntry> out = new ArrayList<>();
    while (state < WAITING.size()) {
      int want = Math.min(limit - out.size(), InboxStore.MAX_PAGE);
      List<InboxEntry> entries = inbox.get().inboxEntries(workspace, WAITING.get(state), offset, want);
      entries.forEach(e -> out.add(InboxRule.entry(e)));
      offset += entries.size();
      if (out.size() == limit) {
        return new Page<>(out, Optional.of(WAITING.get(state) + ":" + offset));
      }
      state++;
      offset = 0;
    }
    return new Page<>(out, Optional.empty());
  }
}
