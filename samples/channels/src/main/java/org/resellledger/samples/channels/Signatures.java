package org.resellledger.samples.channels;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC and comparison steps the channels' signatures share: constant-time, and never throwing on bad input. */
public final class Signatures {
  private Signatures() {}

  /** HMAC-SHA256 of the parts, in order, with {@code key}. */
  public static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** Whether the two are equal, in time that does not depend on where they differ. */
  public static boolean same(byte[] expected, byte[] given) {
    return MessageDigest.isEqual(expected, given);
  }

  /** The bytes of standard base64 text, if it is that. */
  public static Optional<byte[]> base64(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
