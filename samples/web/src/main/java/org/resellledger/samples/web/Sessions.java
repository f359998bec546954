package org.resellledger.samples.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions and their CSRF tokens: a session is a random id in a cookie, and each session has its own
 * random token that every form carries in a hidden field.
 *
 * <ul>
 *   <li>Ids and tokens are 32 bytes from a {@link SecureRandom}; the token never travels in a cookie, so a
 *       page of another site can neither read it nor make the browser send it.
 *   <li>{@link #verify} compares the submitted token with the session's in constant time
 *       ({@link MessageDigest#isEqual}); a request without a known session, or without the field, fails.
 *   <li>At most {@link #MAX_SESSIONS} sessions are kept; beyond that the least recently used is forgotten (its
 *       browser gets a new session and a new token on its next page).
 * </ul>
 */
final class Sessions {
  static final String COOKIE = "ledger_session";
  static final String FIELD = "csrf";
  static final int MAX_SESSIONS = 1000;

  /** One browser's session: its id (the cookie) and its CSRF token (the forms' hidden field). */
  record Session(String id, String token, boolean isNew) {}

  private final SecureRandom random;
  private final Map<String, String> tokens = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_SESSIONS;
    }
  };

  Sessions(SecureRandom random) {
    this.random = random;
  }

  /** The session the cookie names, or a new one when it names none this dashboard knows. */
  synchronized Session find(Optional<String> cookie) {
    if (cookie.isPresent()) {
      String token = tokens.get(cookie.get());
      if (token != null) {
        return new Session(cookie.get(), token, false);
      }
    }
    String id = randomText();
    String token = randomText();
    tokens.put(id, token);
    return new Session(id, token, true);
  }

  /** Whether {@code submitted} is the token of the (already known) session; constant time in the token. */
  static boolean verify(Session session, Optional<String> submitted) {
    if (session.isNew() || submitted.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(session.token().getBytes(StandardCharsets.UTF_8),
        submitted.get().getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code Set-Cookie} value for a new session: not readable by scripts, never sent by other sites. */
  static String cookie(Session session) {
    return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private String randomText() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
