package org.resellledger.samples.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A loopback HTTP client for the receiver's tests (java.base only): one POST, its status and answer. */
final class Http {
  record Answer(int status, String text) {}

  private Http() {}

  static Answer post(int port, String channel, Map<String, String> headers, byte[] body) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + WebhookReceiver.PATH + channel)
          .toURL().openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setConnectTimeout(5000);
      c.setReadTimeout(30000);
      c.setRequestProperty("Content-Type", "application/json");
      headers.forEach(c::setRequestProperty);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      c.disconnect();
      return new Answer(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer post(int port, Sandbox.Delivery d) {
    return post(port, d.channel(), d.headers(), d.body());
  }
}
