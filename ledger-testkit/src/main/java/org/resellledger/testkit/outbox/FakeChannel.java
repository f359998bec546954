package org.resellledger.testkit.outbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.outbox.ChannelWriter;
import org.resellledger.core.outbox.WriteRequest;
import org.resellledger.core.outbox.WriteResult;

/**
 * A channel of the testkit's own behind the {@link ChannelWriter} port: it keeps each listing's quantity and
 * status as the channel shows them, compares before it writes, keeps idempotency keys (or not), and counts
 * calls and effects, so a test can prove "exactly one external effect per approved proposal".
 *
 * <ul>
 *   <li>A listing it has not seen shows what the request expects (the channel agrees with the ledger) until
 *       {@link #show} says otherwise.
 *   <li>{@link #failNext} makes the next calls fail; {@link #crashBeforeWrite} and {@link #crashAfterWrite}
 *       make the next call throw {@link Crash} (an {@code Error}: a process dying), before or after the
 *       change reached the channel.
 *   <li>Not thread-safe; one outbox runner at a time.
 * </ul>
 */
public final class FakeChannel implements ChannelWriter {

  /** What the channel shows of one listing. */
  public record Shown(int quantity, SyncStatus status) {}

  /** A process dying in the middle of a write. */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("crash " + where);
    }
  }

  private final boolean keepsKeys;
  private final Map<String, Shown> listings = new HashMap<>();
  private final Set<String> keys = new HashSet<>();
  private final Set<String> broken = new HashSet<>();
  private final Map<String, Integer> effectsByKey = new HashMap<>();
  private int calls;
  private int effects;
  private int failures;
  private boolean crashBefore;
  private boolean crashAfter;

  private FakeChannel(boolean keepsKeys) {
    this.keepsKeys = keepsKeys;
  }

  /** A channel that keeps idempotency keys: a key sent again changes nothing. */
  public static FakeChannel keepingKeys() {
    return new FakeChannel(true);
  }

  /** A channel that ignores idempotency keys: only compare-before-write protects against a second effect. */
  public static FakeChannel ignoringKeys() {
    return new FakeChannel(false);
  }

  /** The channel shows this for the listing from now on (a change made on the channel itself). */
  public FakeChannel show(ListingId listing, int quantity, SyncStatus status) {
    listings.put(listing.value(), new Shown(quantity, status));
    return this;
  }

  public Optional<Shown> shows(ListingId listing) {
    return Optional.ofNullable(listings.get(listing.value()));
  }

  public FakeChannel failNext(int times) {
    failures = times;
    return this;
  }

  /** Every write to this listing fails until {@link #heal}: a listing the channel keeps refusing. */
  public FakeChannel failAlways(ListingId listing) {
    broken.add(listing.value());
    return this;
  }

  public FakeChannel heal(ListingId listing) {
    broken.remove(listing.value());
    return this;
  }

  public FakeChannel crashBeforeWrite() {
    crashBefore = true;
    return this;
  }

  public FakeChannel crashAfterWrite() {
    crashAfter = true;
    return this;
  }

  /** Calls of {@link #write}, answered or not. */
  public int calls() {
    return calls;
  }

  /** Changes the channel made. */
  public int effects() {
    return effects;
  }

  /** Changes made under one idempotency key (one proposal). */
  public int effects(String idempotencyKey) {
    return effectsByKey.getOrDefault(idempotencyKey, 0);
  }

  @Override
  public WriteResult write(WriteRequest r) {
    calls++;
    if (failures > 0 || broken.contains(r.target().id())) {
      failures = Math.max(0, failures - 1);
      return WriteResult.failed("503 service unavailable");
    }
    if (crashBefore) {
      crashBefore = false;
      throw new Crash("before the write reached the channel");
    }
    if (keepsKeys && keys.contains(r.idempotencyKey())) {
      return WriteResult.alreadyAtTarget();
    }
    String id = r.target().id();
    Shown now = listings.getOrDefault(id,
        new Shown(r.expectedQuantity().orElse(0), r.expectedStatus().orElse(SyncStatus.LIVE)));
    Shown target = new Shown(r.targetQuantity().orElse(now.quantity()), r.targetStatus().orElse(now.status()));
    boolean setsFigures = r.targetQuantity().isPresent() || r.targetStatus().isPresent();
    if (setsFigures && now.equals(target)) {
      return WriteResult.alreadyAtTarget();
    }
    boolean expected = r.expectedQuantity().map(q -> q == now.quantity()).orElse(true)
        && r.expectedStatus().map(s -> s == now.status()).orElse(true);
    if (!expected) {
      return WriteResult.mismatch(now.quantity(), now.status());
    }
    listings.put(id, target);
    keys.add(r.idempotencyKey());
    effects++;
    effectsByKey.merge(r.idempotencyKey(), 1, Integer::sum);
    if (crashAfter) {
      crashAfter = false;
      throw new Crash("after the write reached the channel, before its answer was recorded");
    }
    return WriteResult.written();
  }
}
