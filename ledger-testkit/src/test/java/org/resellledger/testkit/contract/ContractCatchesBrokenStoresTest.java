package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

/**
 * The contract is not a formality: stores with one classic bug each fail it, in the group that names the
 * concern. (The broken stores' suites are nested classes, which surefire does not run on its own.)
 */
class ContractCatchesBrokenStoresTest {

  /** Ignores expected versions: last writer wins. */
  static final class VersionBlindStore extends ForwardingLedgerStore {
    VersionBlindStore() {
      super(new InMemoryLedgerStore());
    }

    @Override
    public void commit(Commit c) {
      java.util.Map<org.resellledger.core.ledger.StreamId, Long> actual = new java.util.HashMap<>();
      c.expectedVersions().keySet().forEach(s -> actual.put(s, (long) stream(c.workspace(), s).size()));
      super.commit(new Commit(c.workspace(), actual, c.events(), c.items(), c.orders(), c.receipt()));
    }
  }

  /** Reads every workspace's events as one. */
  static final class LeakyStore extends ForwardingLedgerStore {
    private final java.util.Set<WorkspaceId> seen = new java.util.LinkedHashSet<>();

    LeakyStore() {
      super(new InMemoryLedgerStore());
    }

    @Override
    public void commit(Commit c) {
      seen.add(c.workspace());
      super.commit(c);
    }

    @Override
    public List<LedgerEvent> events(WorkspaceId ws) {
      return seen.stream().flatMap(w -> super.events(w).stream()).toList();
    }
  }

  /** Sorts items by insertion, not by SKU, and forgets to keep orders sorted. */
  static final class UnsortedStore extends ForwardingLedgerStore {
    UnsortedStore() {
      super(new InMemoryLedgerStore());
    }

    @Override
    public List<Item> items(WorkspaceId ws) {
      List<Item> items = new java.util.ArrayList<>(super.items(ws));
      java.util.Collections.reverse(items);
      return items;
    }

    @Override
    public List<Order> orders(WorkspaceId ws) {
      List<Order> orders = new java.util.ArrayList<>(super.orders(ws));
      java.util.Collections.reverse(orders);
      return orders;
    }
  }

  static class VersionBlindContract extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
      return new VersionBlindStore();
    }
  }

  static class LeakyContract extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
      return new LeakyStore();
    }
  }

  static class UnsortedContract extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
      return new UnsortedStore();
    }
  }

  private static List<String> failedTests(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute()
        .testEvents().failed().list().stream()
        .map(Event::getTestDescriptor)
        .map(d -> d.getUniqueId().toString())
        .toList();
  }

  @Test
  void aStoreThatIgnoresVersions_failsOptimisticConcurrency() {
    assertThat(failedTests(VersionBlindContract.class))
        .anyMatch(id -> id.contains("OptimisticConcurrency") && id.contains("staleExpectedVersion"))
        .anyMatch(id -> id.contains("oneStaleStream"));
  }

  @Test
  void aStoreThatLeaksAcrossWorkspaces_failsIsolation() {
    assertThat(failedTests(LeakyContract.class))
        .anyMatch(id -> id.contains("WorkspaceIsolation"));
  }

  @Test
  void aStoreThatMisordersReads_failsOrdering() {
    assertThat(failedTests(UnsortedContract.class))
        .anyMatch(id -> id.contains("items_areOrderedBySkuAsJavaComparesThem"))
        .anyMatch(id -> id.contains("orders_areOrderedByPlacementTimeThenId"));
  }
}
