package org.resellledger.core.proposal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;

/**
 * The digest an approval binds to: SHA-256 of the kind, the target and the canonical parameters, each part
 * length-prefixed so that no two different changes write the same bytes.
 */
final class Digest {
  private Digest() {}

  static String of(ProposalKind kind, ProposalTarget target, SortedMap<String, String> params) {
    StringBuilder b = new StringBuilder();
    part(b, kind.name());
    part(b, target.type().name());
    part(b, target.id());
    params.forEach((k, v) -> {
      part(b, k);
      part(b, v);
    });
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void part(StringBuilder b, String s) {
    b.append(s.length()).append(':').append(s).append(';');
  }
}
