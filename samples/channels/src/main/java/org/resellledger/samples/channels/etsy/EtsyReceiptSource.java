package org.resellledger.samples.channels.etsy;

import java.util.Optional;

/**
 * The port through which the Etsy mapper fetches a receipt a webhook names: the host calls Open API v3's
 * {@code getShopReceipt} ({@code GET /v3/application/shops/{shop_id}/receipts/{receipt_id}}) and hands back the
 * body as received.
 */
@FunctionalInterface
public interface EtsyReceiptSource {
  /** The receipt's JSON, or empty when Etsy does not return it (yet); a failed call is an UncheckedIOException. */
  Optional<byte[]> receipt(String shopId, String receiptId);
}
