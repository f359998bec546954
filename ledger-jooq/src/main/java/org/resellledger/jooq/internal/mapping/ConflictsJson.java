package org.resellledger.jooq.internal.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.order.OrderId;

/**
 * An item's double-sale conflicts as a compact JSON array of {@code [order id, shortfall]} pairs. Written
 * and read with Jackson's streaming API rather than data binding: an item that was oversold many times
 * carries thousands of them, and every write of the item rewrites the whole list.
 */
final class ConflictsJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ConflictsJson() {}

  static String write(List<SaleConflict> conflicts) {
    StringWriter out = new StringWriter(2 + conflicts.size() * 16);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (SaleConflict c : conflicts) {
        g.writeStartArray();
        g.writeString(c.order().value());
        g.writeNumber(c.shortfall());
        g.writeEndArray();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static List<SaleConflict> read(String json) {
    List<SaleConflict> conflicts = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, json);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(t, JsonToken.START_ARRAY, json);
        expect(p.nextToken(), JsonToken.VALUE_STRING, json);
        OrderId order = OrderId.of(p.getText());
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, json);
        int shortfall = p.getIntValue();
        expect(p.nextToken(), JsonToken.END_ARRAY, json);
        conflicts.add(new SaleConflict(order, shortfall));
      }
    } catch (IOException e) {
      throw new IllegalStateException("stored sale conflicts cannot be read: " + json, e);
    }
    return conflicts;
  }

  private static void expect(JsonToken actual, JsonToken expected, String json) {
    if (actual != expected) {
      throw new IllegalStateException("stored sale conflicts cannot be read (" + expected + " expected, "
          + actual + " found): " + json);
    }
  }
}
