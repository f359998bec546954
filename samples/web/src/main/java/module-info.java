/**
 * The local web dashboard ({@code org.resellledger.samples.web.WebMain}): the JDK's HTTP server over the public
 * Ledger API. Exports its one package, whose public face is {@code WebDashboard} and {@code WebOptions}, so
 * a tool (the CLI) can start it on a ledger it has opened.
 */
module org.resellledger.samples.web {
  requires jdk.httpserver;
  requires org.resellledger.core;
  requires org.resellledger.jooq;

  exports org.resellledger.samples.web;
}
