package org.resellledger.samples.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a page answers: a status, a content type, a body, and any extra headers (a redirect's Location). */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String HTML = "text/html; charset=utf-8";

  static Response html(int status, String markup) {
    return new Response(status, HTML, markup.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response ok(String markup) {
    return html(200, markup);
  }

  /** 303 See Other: after a form, the browser fetches {@code location} with GET. */
  static Response seeOther(String location) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Location", location);
    return new Response(303, HTML, new byte[0], h);
  }
}
