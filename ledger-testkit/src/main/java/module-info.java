/**
 * The property-based harness for resell ledger: seeded generators ({@code gen}), the ledger simulator with
 * shrinking ({@code sim}), the given/when/then fixture ({@code scenario}) and the {@code LedgerStore}
 * contract suite ({@code contract}). It ships JUnit extensions and AssertJ checks, so both are required
 * transitively: a test module that reads the testkit reads them too.
 */
module org.resellledger.testkit {
  requires transitive org.resellledger.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports org.resellledger.testkit.gen;
  exports org.resellledger.testkit.sim;
  exports org.resellledger.testkit.scenario;
  exports org.resellledger.testkit.contract;
  exports org.resellledger.testkit.channel;
  exports org.resellledger.testkit.outbox;

  // the contract suite's tests and @Nested groups are package-private: JUnit (whose reflection lives in
  // junit-platform-commons) must reach them when a store's test runs on the module path
  opens org.resellledger.testkit.contract to org.junit.platform.commons;
}
