/**
 * The runnable demo ({@code org.resellledger.samples.Demo}), built on the public API of the library only.
 * Not a library: nothing is exported.
 */
module org.resellledger.samples {
  requires org.resellledger.core;
  requires org.resellledger.jooq;
}
