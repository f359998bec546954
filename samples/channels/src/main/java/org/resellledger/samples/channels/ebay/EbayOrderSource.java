package org.resellledger.samples.channels.ebay;

import java.util.Optional;

/**
 * The port through which the eBay mapper fetches an order, as eBay advises on ORDER_CONFIRMATION: the host calls
 * the Fulfillment API's {@code getOrder} ({@code GET /sell/fulfillment/v1/order/{orderId}}) and hands back the
 * response body as received.
 */
@FunctionalInterface
public interface EbayOrderSource {
  /**
   * The order's JSON, or empty when eBay does not have it (yet). A failure to ask is an
   * {@link java.io.UncheckedIOException}: the entry is held and tried again.
   */
  Optional<byte[]> order(String orderId);
}
