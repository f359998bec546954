package org.resellledger.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.money.Money;

/** What a command prints: text for people, or one JSON document for scripts ({@code --json}). */
final class Out {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final Context ctx;
  final boolean json;

  Out(Context ctx, boolean json) {
    this.ctx = ctx;
    this.json = json;
  }

  void text(String line) {
    if (!json) {
      ctx.out().println(line);
    }
  }

  void json(Object tree) {
    if (json) {
      ctx.out().println(write(tree));
    }
  }

  static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON object with its keys in the order given. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String money(Money m) {
    return m.amount().toPlainString() + " " + m.currency().getCurrencyCode();
  }

  static Map<String, Object> item(Item item) {
    ItemDetails d = item.details();
    Map<String, Object> balances = new LinkedHashMap<>();
    for (Bucket b : Bucket.values()) {
      long n = item.balances().get(b);
      if (n != 0) {
        balances.put(b.name(), n);
      }
    }
    List<Object> listings = new ArrayList<>();
    item.listings().values().forEach(l -> listings.add(listing(l)));
    return obj("sku", d.sku().value(), "title", d.title(), "status", item.status().name(),
        "quantity", item.quantity(), "available", item.available(), "balances", balances,
        "category", String.join(" > ", d.category().path()), "condition", d.condition().name(),
        "costBasis", money(d.costBasis()), "acquiredOn", d.acquiredOn().toString(),
        "location", d.location().toString(), "photos", d.photoStatus().name(),
        "brand", d.brand().orElse(null), "specifics", d.specifics(), "listings", listings);
  }

  static Map<String, Object> listing(Listing l) {
    return obj("id", l.id().value(), "channel", l.details().channel().code(), "title", l.details().title(),
        "price", money(l.details().price()), "listedQuantity", l.details().listedQuantity(),
        "status", l.status().name(), "externalId", l.details().externalId().orElse(null));
  }

  /** A refusal as people read it: field, value, why and code. */
  static String refusal(RejectionException e) {
    return e.field() + e.value().map(v -> " '" + v + "'").orElse("") + ": " + e.why() + " [" + e.code() + "]";
  }

  static Map<String, Object> refusalJson(RejectionException e) {
    return obj("refused", obj("code", e.code().name(), "field", e.field(), "value", e.value().orElse(null),
        "message", e.why()));
  }
}
