package org.resellledger.samples.channels.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.listing.Channel;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Json;
import org.resellledger.samples.channels.PayloadException;

/**
 * A receipt read by polling Etsy ({@code getShopReceipts}, by {@code min_last_modified}) as a provider event:
 * topic {@value #TOPIC}, provider event id {@code receipt:<receipt_id>@<update_timestamp>}, so the same version
 * of a receipt polled twice is one inbox entry and each change of it another; signature NOT_CHECKED (a poll over
 * the host's own authenticated call carries none). A receipt that cannot be read is still stored, under its
 * body's digest, and ignored by the mapper with the reason.
 */
public final class EtsyPoll {
  public static final String TOPIC = "receipt";

  private EtsyPoll() {}

  /** The event of one polled receipt of shop {@code shopId}, its JSON as Etsy returned it. */
  public static ProviderEvent event(String shopId, byte[] receipt, Instant receivedAt) {
    String id = Deliveries.bodyId(receipt);
    try {
      JsonNode r = Json.parse(receipt);
      id = Deliveries.field("receipt:" + Json.text(r, "receipt_id", "") + "@"
          + Json.longInteger(r, "update_timestamp", ""), 200);
    } catch (PayloadException e) {
      // kept under the digest; the mapper says why
    }
    return ProviderEvent.builder().provider(Channel.ETSY).account(Deliveries.field(shopId, 120)).topic(TOPIC)
        .providerEventId(id).receivedAt(receivedAt).body(receipt).signature(SignatureVerdict.NOT_CHECKED).build();
  }
}
