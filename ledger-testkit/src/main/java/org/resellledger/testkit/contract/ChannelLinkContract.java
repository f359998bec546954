package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;

/**
 * What every {@link ChannelLinkStore} must do: the channel-id map group of {@link LedgerStoreContract},
 * which runs it on the store under test when that store is a {@code ChannelLinkStore}. Links are compared
 * whole, so a store that loses the actor or an instant's nanoseconds fails here.
 *
 * <ul>
 *   <li>A ref stands for one listing per workspace: linked again to the same listing the first link is
 *       returned unchanged; to another listing it is refused {@code CHANNEL_ID_TAKEN} and nothing changes.
 *   <li>Eight writers racing to link one ref to two listings leave exactly one link, never a refusal for
 *       contention.
 * </ul>
 */
public abstract class ChannelLinkContract {
  /** Nanoseconds below the microsecond, which a store must keep too. */
  static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  static final int THREADS = 8;

  static final ChannelRef VARIANT = ChannelRef.of(Channel.SHOPIFY, "variant", "44001");
  static final ListingId L1 = ListingId.of("L-1");
  static final ListingId L2 = ListingId.of("L-2");

  /** The store under test. */
  protected abstract ChannelLinkStore links();

  /** A workspace of this test only. */
  protected abstract WorkspaceId ws();

  /** A second workspace of this test only. */
  protected abstract WorkspaceId otherWs();

  /** The store under test, asked for once before each test, so that a store that is none skips it whole. */
  private ChannelLinkStore store;

  @BeforeEach
  void askForTheStore() {
    store = links();
  }

  static ChannelLink link(ChannelRef ref, ListingId listing, String by, Instant at) {
    return new ChannelLink(ref, listing, Actor.person(by), at);
  }

  static ChannelLink link(ChannelRef ref, ListingId listing) {
    return link(ref, listing, "ana", AT);
  }

  @Test
  void aLink_isKept_andReadBackEqual() {
    ChannelLink wanted = link(VARIANT, L1);

    assertThat(store.link(ws(), wanted)).isEqualTo(wanted);
    assertThat(store.linkOf(ws(), VARIANT)).contains(wanted);
    assertThat(store.linksTo(ws(), L1)).containsExactly(wanted);
    assertThat(store.linkOf(ws(), ChannelRef.of(Channel.SHOPIFY, "variant", "44002"))).isEmpty();
    assertThat(store.linkOf(ws(), ChannelRef.of(Channel.SHOPIFY, "inventory_item", "44001"))).isEmpty();
    assertThat(store.linkOf(ws(), ChannelRef.of(Channel.ETSY, "variant", "44001"))).isEmpty();
    assertThat(store.linksTo(ws(), L2)).isEmpty();
  }

  @Test
  void aLink_keepsItsTextAsGiven() {
    ChannelRef odd = ChannelRef.of(Channel.of("vinted"), "sku", "caf\u00e9 \u2014 A/1 'x' \"y\" %_\\ " + "z".repeat(60));
    ChannelLink wanted = new ChannelLink(odd, ListingId.of("L-\u00e9"), Actor.channel("vinted"), AT);

    store.link(ws(), wanted);

    assertThat(store.linkOf(ws(), odd)).contains(wanted);
    assertThat(store.linkOf(ws(), ChannelRef.of(Channel.of("vinted"), "sku", "caf% \u2014 A/1 'x' \"y\" %_\\ "
        + "z".repeat(60)))).as("no pattern matching").isEmpty();
  }

  @Test
  void relinkingToTheSameListing_returnsTheFirstLinkUnchanged() {
    ChannelLink first = store.link(ws(), link(VARIANT, L1, "ana", AT));

    ChannelLink again = store.link(ws(), link(VARIANT, L1, "bo", AT.plusSeconds(60)));

    assertThat(again).isEqualTo(first);
    assertThat(store.linkOf(ws(), VARIANT)).contains(first);
    assertThat(store.linksTo(ws(), L1)).containsExactly(first);
  }

  @Test
  void linkingToAnotherListing_isRefusedChannelIdTaken_andChangesNothing() {
    ChannelLink first = store.link(ws(), link(VARIANT, L1));

    RejectionException refused = catchThrowableOfType(
        () -> store.link(ws(), link(VARIANT, L2, "bo", AT.plusSeconds(60))), RejectionException.class);

    assertThat(refused).isNotNull();
    assertThat(refused.code()).isEqualTo(RejectionCode.CHANNEL_ID_TAKEN);
    assertThat(store.linkOf(ws(), VARIANT)).contains(first);
    assertThat(store.linksTo(ws(), L1)).containsExactly(first);
    assertThat(store.linksTo(ws(), L2)).isEmpty();
  }

  @Test
  void linksTo_listsAListingsLinks_byChannelKindAndId() {
    List<ChannelLink> made = List.of(
        link(ChannelRef.of(Channel.SHOPIFY, "variant", "9"), L1),
        link(ChannelRef.of(Channel.EBAY, "sku", "B-2"), L1),
        link(ChannelRef.of(Channel.SHOPIFY, "inventory_item", "7"), L1),
        link(ChannelRef.of(Channel.EBAY, "legacy_item_id", "110"), L1),
        link(ChannelRef.of(Channel.SHOPIFY, "variant", "10"), L1),
        link(ChannelRef.of(Channel.ETSY, "product", "3"), L2),
        link(ChannelRef.of(Channel.EBAY, "sku", "A-1"), L1));
    made.forEach(l -> store.link(ws(), l));

    assertThat(store.linksTo(ws(), L1)).extracting(l -> l.ref().toString()).containsExactly(
        "ebay legacy_item_id 110", "ebay sku A-1", "ebay sku B-2", "shopify inventory_item 7",
        "shopify variant 10", "shopify variant 9");
    assertThat(store.linksTo(ws(), L2)).containsExactly(made.get(5));
  }

  @Test
  void links_areKeptPerWorkspace() {
    ChannelLink mine = store.link(ws(), link(VARIANT, L1));

    assertThat(store.linkOf(otherWs(), VARIANT)).isEmpty();
    assertThat(store.linksTo(otherWs(), L1)).isEmpty();

    ChannelLink theirs = store.link(otherWs(), link(VARIANT, L2, "bo", AT.plusSeconds(1)));
    assertThat(theirs.listing()).as("the same ref in another workspace is free").isEqualTo(L2);
    assertThat(store.linkOf(otherWs(), VARIANT)).contains(theirs);
    assertThat(store.linkOf(ws(), VARIANT)).contains(mine);
    assertThat(store.linksTo(ws(), L2)).isEmpty();
    assertThat(store.linksTo(otherWs(), L1)).isEmpty();
  }

  @Test
  void eightThreads_linkingOneRefToTwoListings_leaveExactlyOneLink() throws Exception {
    for (int round = 0; round < 5; round++) {
      ChannelRef ref = ChannelRef.of(Channel.EBAY, "sku", "RACE-" + round);
      List<ListingId> two = List.of(ListingId.of("L-" + round + "-a"), ListingId.of("L-" + round + "-b"));
      List<Object> results = race(ref, two);

      ChannelLink kept = store.linkOf(ws(), ref).orElseThrow();
      assertThat(kept.listing()).isIn(two);
      for (int t = 0; t < THREADS; t++) {
        Object r = results.get(t);
        if (two.get(t % 2).equals(kept.listing())) {
          assertThat(r).as("thread %s wanting the winner's listing", t).isEqualTo(kept);
        } else {
          assertThat(r).as("thread %s wanting the other listing", t).isInstanceOf(RejectionException.class);
          assertThat(((RejectionException) r).code()).isEqualTo(RejectionCode.CHANNEL_ID_TAKEN);
        }
      }
      assertThat(results).filteredOn(kept::equals).hasSize(THREADS / 2);
      assertThat(store.linksTo(ws(), kept.listing())).containsExactly(kept);
      assertThat(store.linksTo(ws(), two.get(kept.listing().equals(two.get(0)) ? 1 : 0))).isEmpty();
    }
  }

  /** Each thread links {@code ref} to the first of {@code two} (even threads) or the second (odd) at once. */
  private List<Object> race(ChannelRef ref, List<ListingId> two) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        ChannelLink wanted = link(ref, two.get(t % 2), "t" + t, AT.plusMillis(t));
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return (Object) store.link(ws(), wanted);
          } catch (RejectionException e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInput_isRefusedTyped_andChangesNothing() {
    assertThat(catchThrowableOfType(() -> store.link(ws(), null), RejectionException.class).code())
        .isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(catchThrowableOfType(() -> store.linkOf(ws(), null), RejectionException.class).code())
        .isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(catchThrowableOfType(() -> store.linksTo(ws(), null), RejectionException.class).code())
        .isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(catchThrowableOfType(() -> ChannelRef.of(Channel.SHOPIFY, "Variant!", "1"),
        RejectionException.class).code()).as("a ref is checked where it is made").isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(catchThrowableOfType(() -> ChannelRef.of(Channel.SHOPIFY, "variant", "x".repeat(101)),
        RejectionException.class)).isNotNull();
    assertThat(store.linksTo(ws(), L1)).isEmpty();
  }
}
