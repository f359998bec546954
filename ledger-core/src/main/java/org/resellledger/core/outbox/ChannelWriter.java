package org.resellledger.core.outbox;

/**
 * The port through which the outbox writes one approved change to a channel (a host's eBay, Poshmark or
 * Shopify client; a fake in tests). Implementations promise:
 *
 * <ul>
 *   <li>Compare before write: if the channel's current figure differs from the request's expected one,
 *       write nothing and answer {@link WriteResult#mismatch} with the channel's figure; never force.
 *   <li>If the channel already shows the target, answer {@link WriteResult#alreadyAtTarget()} (a retry of a
 *       write that reached it, or a channel that changed itself).
 *   <li>Send {@link WriteRequest#idempotencyKey()} where the channel keeps keys, so that a retried write
 *       has one effect.
 *   <li>A failure is {@link WriteResult#failed} (or a thrown {@code RuntimeException}); it is retried.
 * </ul>
 */
@FunctionalInterface
public interface ChannelWriter {
  WriteResult write(WriteRequest request);
}
