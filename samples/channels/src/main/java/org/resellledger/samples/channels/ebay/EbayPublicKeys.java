package org.resellledger.samples.channels.ebay;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eBay's public keys by key id, fetched through an {@link EbayKeySource} and kept for a while (eBay asks to cache
 * them, about an hour, rather than ask per notification).
 *
 * <ul>
 *   <li>A key found is kept for {@code ttl} by the injected clock, then asked for again.
 *   <li>A key id eBay does not know is not kept (a forged kid costs one look-up each, never a cached answer for a
 *       real key); a source that fails is not kept either.
 *   <li>At most {@value #MAX_KEYS} keys are kept: beyond, the cache starts again empty.
 * </ul>
 */
public final class EbayPublicKeys {
  static final int MAX_KEYS = 64;

  private record Kept(PublicKey key, Instant until) {}

  private final EbayKeySource source;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Kept> cache = new ConcurrentHashMap<>();

  public EbayPublicKeys(EbayKeySource source, Clock clock, Duration ttl) {
    this.source = source;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Kept for an hour. */
  public static EbayPublicKeys cached(EbayKeySource source, Clock clock) {
    return new EbayPublicKeys(source, clock, Duration.ofHours(1));
  }

  /** The key with this id, from the cache while it is fresh, else from the source. */
  public Optional<PublicKey> key(String keyId) {
    Instant now = clock.instant();
    Kept kept = cache.get(keyId);
    if (kept != null && now.isBefore(kept.until())) {
      return Optional.of(kept.key());
    }
    Optional<PublicKey> fetched = source.publicKey(keyId);
    if (fetched.isPresent()) {
      if (cache.size() >= MAX_KEYS) {
        cache.clear();
      }
      cache.put(keyId, new Kept(fetched.get(), now.plus(ttl)));
    }
    return fetched;
  }
}
