/**
 * Sample channel integrations on the channel SPI of ledger-core: Shopify, eBay and Etsy, each a
 * {@code ChannelMapper} with its signature verification, and a webhook receiver on the JDK HTTP server.
 * Built on the public API of the library only.
 */
module org.resellledger.samples.channels {
  requires transitive org.resellledger.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires java.logging;
  // read by the tests patched into this module (their PostgreSQL schema and pool: the driver's data sources are
  // JNDI Referenceable); the integrations need neither
  requires static java.sql;
  requires static java.naming;

  exports org.resellledger.samples.channels;
  exports org.resellledger.samples.channels.shopify;
  exports org.resellledger.samples.channels.ebay;
  exports org.resellledger.samples.channels.etsy;
}
