package org.resellledger.samples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the pages see it: method, path, query and form fields, cookies, and the session the
 * dashboard found or made for it.
 *
 * <ul>
 *   <li>A form body is read only for {@code application/x-www-form-urlencoded} and at most
 *       {@link #MAX_FORM_BYTES}; a longer one is refused before it is parsed.
 *   <li>A field given twice keeps its first value.
 * </ul>
 */
final class Request {
  static final int MAX_FORM_BYTES = 64 * 1024;

  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> form;
  private final Map<String, String> cookies;
  private final Sessions.Session session;

  private Request(String method, String path, Map<String, String> query, Map<String, String> form,
      Map<String, String> cookies, Sessions.Session session) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.form = form;
    this.cookies = cookies;
    this.session = session;
  }

  static Request read(HttpExchange exchange, Sessions.Session session, Map<String, String> cookies)
      throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, String> form = Map.of();
    if ("POST".equals(method)) {
      String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
      if (type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        form = fields(new String(readAtMost(exchange.getRequestBody(), MAX_FORM_BYTES), StandardCharsets.UTF_8));
      }
    }
    return new Request(method, exchange.getRequestURI().getPath(), fields(exchange.getRequestURI().getRawQuery()),
        form, cookies, session);
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new WebException(413, "The form is larger than " + max + " bytes.");
    }
    return bytes;
  }

  /** Fields of {@code a=1&b=2}, decoded; the first value of a repeated name wins. */
  static Map<String, String> fields(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new WebException(400, "A field is not URL-encoded properly.");
      }
    }
    return out;
  }

  /** Cookies of a {@code Cookie} header ({@code a=1; b=2}), the first of a repeated name. */
  static Map<String, String> cookies(List<String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers == null) {
      return out;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          out.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
      }
    }
    return out;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
  }

  /** A query field that must be there, or a 400 naming it. */
  String requireQuery(String name) {
    return query(name).orElseThrow(() -> new WebException(400, "The address lacks '" + name + "'."));
  }

  Optional<String> form(String name) {
    return Optional.ofNullable(form.get(name));
  }

  /** A form field that must be there, or a 400 naming it. */
  String requireForm(String name) {
    return form(name).filter(v -> !v.isBlank())
        .orElseThrow(() -> new WebException(400, "The form lacks '" + name + "'."));
  }

  Map<String, String> cookies() {
    return cookies;
  }

  Sessions.Session session() {
    return session;
  }
}
