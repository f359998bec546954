package org.resellledger.samples.channels;

import java.time.Instant;
import java.util.Map;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.listing.Channel;

/**
 * Turns one HTTP delivery of a channel into the {@link ProviderEvent} the inbox keeps: the ids and topic from
 * the channel's headers or envelope, the raw body, the headers that matter, and the signature verdict.
 *
 * <ul>
 *   <li>Never throws for what a sender controls: a missing or malformed header, a bad signature or an unreadable
 *       body still make an event (placeholders for missing ids, {@code UNVERIFIED} for a signature that does not
 *       verify), so every delivery is stored and its fate is visible.
 *   <li>The verdict is {@code VERIFIED} only when the signature matched the exact bytes received.
 * </ul>
 */
public interface WebhookReader {
  Channel channel();

  /** The event of a delivery: {@code headers} with lower-case names (first value each), the raw body. */
  ProviderEvent read(Map<String, String> headers, byte[] body, Instant receivedAt);
}
