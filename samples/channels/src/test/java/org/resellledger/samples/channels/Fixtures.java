package org.resellledger.samples.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test fixtures ({@code src/test/resources/fixtures}): JSON written from the channels' documented fields, with {@code ${name}} filled in. */
public final class Fixtures {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private Fixtures() {}

  /** The fixture at {@code path} (e.g. {@code shopify/order.json}) with every placeholder filled from {@code values}. */
  public static byte[] json(String path, Map<String, ?> values) {
    String text;
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = values.get(m.group(1));
      if (v == null && !values.containsKey(m.group(1))) {
        throw new IllegalArgumentException("fixture " + path + " needs " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
