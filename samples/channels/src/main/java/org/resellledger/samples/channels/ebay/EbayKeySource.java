package org.resellledger.samples.channels.ebay;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Where eBay's notification public keys come from, by key id: the host calls the Notification API's
 * {@code getPublicKey} ({@code GET /commerce/notification/v1/public_key/{public_key_id}}) with its own token.
 * {@link EbayPublicKeys} caches what it returns.
 */
@FunctionalInterface
public interface EbayKeySource {
  /** The key with this id, or empty when eBay has none. A failure to ask is an exception. */
  Optional<PublicKey> publicKey(String keyId);

  /**
   * The EC public key in {@code pem}, as {@code getPublicKey} returns it in {@code key}
   * ({@code -----BEGIN PUBLIC KEY-----}, base64 of the X.509 encoding).
   */
  static PublicKey pem(String pem) {
    String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
        .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an EC public key in PEM: " + e.getMessage(), e);
    }
  }
}
