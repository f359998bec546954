package org.resellledger.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderLine;

/**
 * Writes a workspace's items, listings, orders and events as CSV (RFC 4180, CRLF, UTF-8 when the writer is).
 *
 * <ul>
 *   <li>Headers are stable: the names in the module README, in that order. Items and listings use exactly the
 *       columns their import reads, so exporting and re-importing previews zero changes.
 *   <li>Every cell a spreadsheet would run as a formula (starting with = + - @, tab, CR or LF) is prefixed
 *       with a single quote; the importer takes that quote off again (see the README for the exact rule).
 *       Plain numbers such as -3 are left alone.
 *   <li>Reads go through the {@link Ledger}; nothing is written to it.
 * </ul>
 */
public final class CsvExporter {
  public static final List<String> ORDER_HEADERS = List.of("order_id", "channel", "external_order_id", "status",
      "placed_at", "currency", "fees", "shipping_charged", "shipping_cost", "refunded", "carrier", "tracking",
      "return_deadline", "line_no", "sku", "listing_id", "quantity", "unit_price", "committed", "handed_over",
      "returned");
  public static final List<String> EVENT_HEADERS = List.of("recorded_at", "occurred_at", "event_id", "kind",
      "stream", "version", "item_id", "sku", "listing_id", "order_id", "quantity", "from_bucket", "to_bucket",
      "source", "actor", "provider", "provider_event_id", "reason", "causation", "payload");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final Ledger ledger;

  private CsvExporter(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  public static CsvExporter of(Ledger ledger) {
    return new CsvExporter(ledger);
  }

  /** The items file header, as the importer reads it. */
  public static List<String> itemHeaders() {
    return ItemCsv.COLUMNS.stream().map(Column::name).toList();
  }

  /** The listings file header, as the importer reads it. */
  public static List<String> listingHeaders() {
    return ListingCsv.COLUMNS.stream().map(Column::name).toList();
  }

  /** The adjustments file header, as the importer reads it. */
  public static List<String> adjustmentHeaders() {
    return AdjustmentCsv.COLUMNS.stream().map(Column::name).toList();
  }

  /** Every item, archived ones included, by SKU. Returns the number of rows written. */
  public long items(Writer out) {
    return write(out, itemHeaders(), printer -> {
      long n = 0;
      for (Item item : ledger.items()) {
        row(printer, ItemCsv.cells(item));
        n++;
      }
      return n;
    });
  }

  /** Every listing of every item, by SKU then listing creation order. */
  public long listings(Writer out) {
    return write(out, listingHeaders(), printer -> {
      long n = 0;
      for (Item item : ledger.items()) {
        for (Listing l : item.listings().values()) {
          row(printer, ListingCsv.cells(item, l));
          n++;
        }
      }
      return n;
    });
  }

  /** One row per order line, the order's own fields repeated on each; orders by placement time. */
  public long orders(Writer out) {
    return write(out, ORDER_HEADERS, printer -> {
      long n = 0;
      for (Order o : ledger.orders()) {
        int lineNo = 0;
        for (OrderLine line : o.lines()) {
          row(printer, new String[] {o.id().value(), o.channel().code(), o.externalOrderId().orElse(""),
              o.status().name(), o.placedAt().toString(), o.fees().currency().getCurrencyCode(), amount(o.fees()),
              amount(o.shippingCharged()), amount(o.shippingCost()), amount(o.refunded()), o.carrier().orElse(""),
              o.tracking().orElse(""), o.returnDeadline().map(Instant::toString).orElse(""),
              Integer.toString(++lineNo), line.sku().value(), line.listing().map(Object::toString).orElse(""),
              Integer.toString(line.quantity()), amount(line.unitPrice()), Integer.toString(line.committed()),
              Integer.toString(line.handedOver()), Integer.toString(line.returned())});
          n++;
        }
      }
      return n;
    });
  }

  /** Events recorded in {@code [from, to)}, in commit order. */
  public long events(Writer out, Instant from, Instant to) {
    Map<ItemId, Sku> skus = new HashMap<>();
    for (Item item : ledger.items()) {
      skus.put(item.id(), item.sku());
    }
    return write(out, EVENT_HEADERS, printer -> {
      long n = 0;
      for (LedgerEvent e : ledger.events()) {
        if (e.recordedAt().isBefore(from) || !e.recordedAt().isBefore(to)) {
          continue;
        }
        row(printer, eventCells(e, skus));
        n++;
      }
      return n;
    });
  }

  /** One event's cells under {@link #EVENT_HEADERS}; {@code skus} names the SKU of an item id. */
  static String[] eventCells(LedgerEvent e, Map<ItemId, Sku> skus) {
    Optional<Movement> m = e.movement();
    return new String[] {e.recordedAt().toString(), e.occurredAt().toString(), e.id().value(), e.kind(),
        e.stream().toString(), Long.toString(e.version()), e.item().map(ItemId::value).orElse(""),
        e.item().map(skus::get).map(Sku::value).orElse(""), e.listing().map(Object::toString).orElse(""),
        e.order().map(Object::toString).orElse(""), m.map(x -> Integer.toString(x.quantity())).orElse(""),
        m.map(x -> x.from().name()).orElse(""), m.map(x -> x.to().name()).orElse(""), e.source().name(),
        e.actor().toString(), e.provider().map(p -> p.provider()).orElse(""),
        e.provider().map(p -> p.eventId()).orElse(""), e.reason().orElse(""), e.causation().orElse(""),
        e.payload().toString()};
  }

  /** Events recorded on the UTC days {@code from} to {@code toInclusive}. */
  public long events(Writer out, LocalDate from, LocalDate toInclusive) {
    return events(out, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        toInclusive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private interface Body {
    long print(CSVPrinter printer) throws IOException;
  }

  private static long write(Writer out, List<String> headers, Body body) {
    try {
      CSVPrinter printer = new CSVPrinter(out, FORMAT);
      printer.printRecord(headers);
      long n = body.print(printer);
      printer.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void row(CSVPrinter printer, String[] cells) throws IOException {
    for (String cell : cells) {
      printer.print(Formula.neutralise(cell));
    }
    printer.println();
  }

  private static String amount(Money m) {
    return m.amount().toPlainString();
  }
}
