package org.resellledger.samples.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.money.Money;

/**
 * Reading a channel's JSON field by field, where every miss is a {@link PayloadException} that names the
 * field by its path ({@code line_items[0].quantity}) and says what was expected. The mappers read through it
 * only, so a bad body is always an answer with a reason, never an exception of the parser.
 *
 * <ul>
 *   <li>Malformed JSON, a duplicate key, or a top level that is not an object: "malformed JSON".
 *   <li>A required field absent or null: "missing field PATH"; present with another type: "wrong type: PATH is
 *       a TYPE, expected ...".
 *   <li>Parser messages never quote the body (source location off).
 * </ul>
 */
public final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private Json() {}

  /** The body as a JSON object. */
  public static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PayloadException("malformed JSON: " + clip(e.getOriginalMessage(), 200));
    } catch (IOException e) {
      throw new PayloadException("malformed JSON: " + clip(String.valueOf(e.getMessage()), 200));
    }
    if (root == null || root.isMissingNode()) {
      throw new PayloadException("malformed JSON: an empty body");
    }
    if (!root.isObject()) {
      throw new PayloadException("malformed JSON: the top level is " + kind(root) + ", expected an object");
    }
    return root;
  }

  /** A map or value as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A value as JSON text (for a fetched resource handed on as bytes). */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always writes", e);
    }
  }

  private static JsonNode present(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new PayloadException("missing field " + path(path, field));
    }
    return n;
  }

  private static Optional<JsonNode> optional(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  private static PayloadException wrong(JsonNode n, String path, String field, String expected) {
    return new PayloadException("wrong type: " + path(path, field) + " is " + kind(n) + ", expected " + expected);
  }

  /** A required object. */
  public static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (!n.isObject()) {
      throw wrong(n, path, field, "an object");
    }
    return n;
  }

  public static Optional<JsonNode> optObject(JsonNode parent, String field, String path) {
    Optional<JsonNode> n = optional(parent, field);
    if (n.isPresent() && !n.get().isObject()) {
      throw wrong(n.get(), path, field, "an object");
    }
    return n;
  }

  /** A required array; each element is returned with its path. */
  public static List<JsonNode> array(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (!n.isArray()) {
      throw wrong(n, path, field, "an array");
    }
    List<JsonNode> out = new ArrayList<>();
    n.forEach(out::add);
    return out;
  }

  /** An array that may be absent (then empty). */
  public static List<JsonNode> optArray(JsonNode parent, String field, String path) {
    return optional(parent, field).isPresent() ? array(parent, field, path) : List.of();
  }

  /** An element of an array, which must be an object. */
  public static JsonNode element(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new PayloadException("wrong type: " + path + " is " + kind(n) + ", expected an object");
    }
    return n;
  }

  /** Required text; an id may come as a whole number (Shopify's ids are numbers), kept as its digits. */
  public static String text(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (n.isTextual()) {
      if (n.asText().isBlank()) {
        throw new PayloadException("missing field " + path(path, field) + " (blank)");
      }
      return n.asText();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    throw wrong(n, path, field, "text or a whole number");
  }

  public static Optional<String> optText(JsonNode parent, String field, String path) {
    Optional<JsonNode> n = optional(parent, field);
    if (n.isEmpty() || (n.get().isTextual() && n.get().asText().isBlank())) {
      return Optional.empty();
    }
    return Optional.of(text(parent, field, path));
  }

  /** A required whole number that fits an int. */
  public static int integer(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw wrong(n, path, field, "a whole number");
    }
    return n.intValue();
  }

  /** A required whole number that fits a long (Etsy's epoch seconds). */
  public static long longInteger(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw wrong(n, path, field, "a whole number");
    }
    return n.longValue();
  }

  public static boolean bool(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (!n.isBoolean()) {
      throw wrong(n, path, field, "true or false");
    }
    return n.booleanValue();
  }

  /** A required decimal, given as a number or as text ({@code "19.99"}, as Shopify and eBay send). */
  public static BigDecimal decimal(JsonNode parent, String field, String path) {
    JsonNode n = present(parent, field, path);
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      try {
        return new BigDecimal(n.asText().strip());
      } catch (NumberFormatException e) {
        throw new PayloadException("wrong type: " + path(path, field) + " is \"" + clip(n.asText(), 40)
            + "\", expected a decimal amount");
      }
    }
    throw wrong(n, path, field, "a decimal amount");
  }

  /** A required ISO-8601 instant with an offset ({@code 2026-03-01T12:00:00-05:00}). */
  public static Instant instant(JsonNode parent, String field, String path) {
    String t = text(parent, field, path);
    Instant at = instant(t).orElseThrow(() -> new PayloadException("wrong type: " + path(path, field) + " is \""
        + clip(t, 40) + "\", expected an ISO-8601 time with an offset"));
    if (!Deliveries.keepable(at)) {
      throw new PayloadException("wrong value: " + path(path, field) + " is " + at + ", outside the ledger's time bounds");
    }
    return at;
  }

  public static Optional<Instant> optInstant(JsonNode parent, String field, String path) {
    return optional(parent, field).isPresent() ? Optional.of(instant(parent, field, path)) : Optional.empty();
  }

  /** The instant in {@code text}, if it is one (ISO-8601 with an offset). */
  public static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** A currency by its ISO 4217 code. */
  public static Currency currency(String code, String path) {
    try {
      return Currency.getInstance(code.strip());
    } catch (IllegalArgumentException e) {
      throw new PayloadException("wrong value: " + path + " is \"" + clip(code, 10) + "\", expected an ISO 4217 currency");
    }
  }

  /** An amount in a currency, as the ledger keeps it. */
  public static Money money(BigDecimal amount, Currency currency, String path) {
    try {
      return new Money(amount, currency);
    } catch (RuntimeException e) {
      throw new PayloadException("wrong value: " + path + " is " + clip(amount.toPlainString(), 40) + " "
          + currency + " (" + clip(String.valueOf(e.getMessage()), 120) + ")");
    }
  }

  static String path(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String kind(JsonNode n) {
    if (n.isTextual()) {
      return "text";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code s} on one line, at most 100 characters: a channel's text quoted in a reason or kept as a label. */
  public static String clipped(String s) {
    return clip(s, 100);
  }

  /** {@code s} on one line, at most {@code max} characters. */
  public static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
