/**
 * The resell ledger domain: items, listings, orders and the append-only quantity ledger, with the
 * application service ({@link org.resellledger.core.Ledger}) and the storage port. No runtime dependency.
 */
module org.resellledger.core {
  requires static org.immutables.value;

  exports org.resellledger.core;
  exports org.resellledger.core.money;
  exports org.resellledger.core.item;
  exports org.resellledger.core.listing;
  exports org.resellledger.core.order;
  exports org.resellledger.core.bundle;
  exports org.resellledger.core.ledger;
  exports org.resellledger.core.command;
  exports org.resellledger.core.store;
  exports org.resellledger.core.channel;
  exports org.resellledger.core.inbox;
  exports org.resellledger.core.proposal;
  exports org.resellledger.core.message;
  exports org.resellledger.core.outbox;
  exports org.resellledger.core.count;
  exports org.resellledger.core.queue;
  exports org.resellledger.core.report;
}
