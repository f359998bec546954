package org.resellledger.core.inbox;

/** What the receiver found when it checked a delivery's signature (HMAC, ECDSA...), before storing it. */
public enum SignatureVerdict {
  /** The signature matched the body with a known secret or key. */
  VERIFIED,
  /** A signature was checked and did not match, or was missing where the provider always sends one. */
  UNVERIFIED,
  /** Nobody checked (a poll, an import, a provider without signatures). */
  NOT_CHECKED
}
