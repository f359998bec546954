package org.resellledger.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.PayloadCodec;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.RestoreOrder;
import org.resellledger.core.store.RestoreSink;

/**
 * A workspace's backup as one CSV file that loses nothing, and its restore into an empty workspace.
 *
 * <ul>
 *   <li>The header is {@link #HEADERS}: the events export's columns ({@link CsvExporter#EVENT_HEADERS}, same
 *       meaning, same cells) then {@code payload_json} (the payload in the store's JSON, {@link PayloadCodec})
 *       and the receipt columns. One row per event in commit order, then one row per receipt (by provider and
 *       provider event id) with only the receipt columns filled; {@code receipt_events} lists its events' ids
 *       as one CSV line. Cells are guarded against spreadsheet formulas as every export's are.
 *   <li>{@link #restore} reads the file as a stream, checks every row (header, cell count, every value, the
 *       payload's JSON against its kind, each stream's versions 1, 2, 3...) and hands it to
 *       {@link LedgerStore#restore}, which writes all of it in one transaction or nothing; then the
 *       projections are rebuilt ({@link Ledger#rebuildProjections()}). A bad row is a {@link BackupException}
 *       naming row and column; a workspace with events a
 *       {@link org.resellledger.core.store.WorkspaceNotEmptyException}.
 *   <li>Restoring a backup and backing up again gives the same bytes.
 * </ul>
 *
 * The {@code sku} column is the item's SKU now, as in the events export; a restore derives it again and
 * does not read it. Not in the file: the provider-event inbox and the channel-id map (they are not events).
 */
public final class CsvBackup {
  /** The backup file's header. */
  public static final List<String> HEADERS = Stream.concat(CsvExporter.EVENT_HEADERS.stream(),
      Stream.of("payload_json", "receipt_provider", "receipt_event_id", "receipt_fingerprint", "receipt_events"))
      .toList();

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final int EVENT_COLUMNS = CsvExporter.EVENT_HEADERS.size();

  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final PayloadCodec codec;

  private CsvBackup(LedgerStore store, WorkspaceId workspace, PayloadCodec codec) {
    this.store = Objects.requireNonNull(store, "store");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** The backup of {@code workspace} in {@code store}, payloads written and read with {@code codec}. */
  public static CsvBackup of(LedgerStore store, WorkspaceId workspace, PayloadCodec codec) {
    return new CsvBackup(store, workspace, codec);
  }

  /** What a restore wrote. */
  public record Restored(long events, long receipts, int items, int orders) {}

  /**
   * Writes every event and receipt of the workspace, streaming them from the store. Returns the number of
   * rows written (events and receipts).
   */
  public long write(Writer out) {
    Map<ItemId, Sku> skus = new HashMap<>();
    store.forEachItem(workspace, i -> skus.put(i.id(), i.sku()));
    try {
      CSVPrinter printer = new CSVPrinter(out, FORMAT);
      printer.printRecord(HEADERS);
      long n = store.forEachEvent(workspace, e -> print(printer, concat(CsvExporter.eventCells(e, skus),
          codec.write(e.payload()), "", "", "", "")));
      String[] blank = new String[EVENT_COLUMNS + 1];
      java.util.Arrays.fill(blank, "");
      n += store.forEachReceipt(workspace, r -> print(printer, concat(blank, r.provider().provider(),
          r.provider().eventId(), r.fingerprint(), FORMAT.format(r.events().stream().map(EventId::value).toArray()))));
      printer.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static void print(CSVPrinter printer, String[] cells) {
    try {
      CsvExporter.row(printer, cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Restores the backup {@code in} into the workspace, which must hold no event or receipt, then rebuilds its
   * projections. Reads the file once, as a stream; all of it is written, or nothing.
   *
   * @throws BackupException the first bad row, by row and column; nothing is written
   * @throws org.resellledger.core.store.WorkspaceNotEmptyException the workspace holds events or receipts
   */
  public Restored restore(Reader in) {
    long[] counts = new long[2];
    store.restore(workspace, sink -> {
      try (CSVParser parser = CSVParser.parse(in, FORMAT)) {
        read(parser, sink, counts);
      } catch (IOException | UncheckedIOException e) {
        throw new BackupException(RowError.of(0, null, null, ImportErrorCode.MALFORMED_CSV,
            "the file cannot be read as CSV: " + e.getMessage()));
      }
    });
    Ledger.Rebuilt rebuilt = Ledger.open(store, workspace).rebuildProjections();
    return new Restored(counts[0], counts[1], rebuilt.items(), rebuilt.orders());
  }

  private void read(CSVParser parser, RestoreSink sink, long[] counts) {
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      throw refused(1, null, null, ImportErrorCode.EMPTY_FILE, "the file is empty: a backup starts with its header");
    }
    checkHeader(records.next());
    RestoreOrder order = new RestoreOrder(workspace);
    long row = 1;
    while (records.hasNext()) {
      CSVRecord record = records.next();
      row++;
      Row r = new Row(row, record);
      if (!r.get("event_id").isEmpty()) {
        LedgerEvent e = r.event();
        try {
          order.next(e);
        } catch (IllegalArgumentException broken) {
          throw refused(row, "version", r.get("version"), ImportErrorCode.VERSION_SEQUENCE, broken.getMessage());
        }
        sink.event(e);
        counts[0]++;
      } else if (!r.get("receipt_provider").isEmpty()) {
        sink.receipt(r.receipt());
        counts[1]++;
      } else {
        throw refused(row, "event_id", "", ImportErrorCode.REQUIRED,
            "a backup row is an event (event_id) or a receipt (receipt_provider)");
      }
    }
  }

  private static void checkHeader(CSVRecord header) {
    for (int i = 0; i < HEADERS.size(); i++) {
      String want = HEADERS.get(i);
      if (i >= header.size() || !header.get(i).equals(want)) {
        throw refused(1, want, i < header.size() ? header.get(i) : null, ImportErrorCode.MISSING_COLUMN,
            "column " + (i + 1) + " of a backup's header is " + want);
      }
    }
    if (header.size() > HEADERS.size()) {
      throw refused(1, header.get(HEADERS.size()), header.get(HEADERS.size()), ImportErrorCode.COLUMN_COUNT_MISMATCH,
          "a backup's header has " + HEADERS.size() + " columns");
    }
  }

  private static BackupException refused(long row, String column, String value, ImportErrorCode code, String why) {
    return new BackupException(RowError.of(row, column, value, code, why));
  }

  /** One data row, its cells by column name with the formula guard taken off. */
  private final class Row {
    private final long row;
    private final CSVRecord record;

    Row(long row, CSVRecord record) {
      this.row = row;
      this.record = record;
      if (record.size() != HEADERS.size()) {
        String column = HEADERS.get(Math.min(record.size(), HEADERS.size() - 1));
        throw refused(row, column, null, ImportErrorCode.COLUMN_COUNT_MISMATCH, "the row has " + record.size()
            + " cells, the header " + HEADERS.size() + (record.size() < HEADERS.size() ? ": column " + column
                + " is missing" : ""));
      }
    }

    String get(String column) {
      return Formula.restore(record.get(HEADERS.indexOf(column)));
    }

    Optional<String> optional(String column) {
      String v = get(column);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The column's value parsed; any refusal of the parse is this row's and column's. */
    <T> T parse(String column, Function<String, T> parse) {
      String v = get(column);
      if (v.isEmpty()) {
        throw refused(row, column, v, ImportErrorCode.REQUIRED, "required in a backup row");
      }
      return parseText(column, v, parse);
    }

    <T> Optional<T> parseOptional(String column, Function<String, T> parse) {
      return optional(column).map(v -> parseText(column, v, parse));
    }

    private <T> T parseText(String column, String v, Function<String, T> parse) {
      try {
        return parse.apply(v);
      } catch (RuntimeException e) {
        throw refused(row, column, v, ImportErrorCode.INVALID_VALUE, String.valueOf(e.getMessage()));
      }
    }

    LedgerEvent event() {
      Instant recorded = parse("recorded_at", Instant::parse);
      Instant occurred = parse("occurred_at", Instant::parse);
      EventId id = parse("event_id", EventId::of);
      String kind = parse("kind", Function.identity());
      StreamId stream = parse("stream", CsvBackup::stream);
      long version = parse("version", v -> {
        long n = Long.parseLong(v);
        if (n < 1) {
          throw new IllegalArgumentException("a version counts from 1");
        }
        return n;
      });
      Optional<Integer> quantity = parseOptional("quantity", Integer::valueOf);
      Optional<Bucket> from = parseOptional("from_bucket", Bucket::valueOf);
      Optional<Bucket> to = parseOptional("to_bucket", Bucket::valueOf);
      Optional<Movement> movement = Optional.empty();
      if (quantity.isPresent() || from.isPresent() || to.isPresent()) {
        movement = Optional.of(parse("quantity", v -> Movement.of(quantity.orElseThrow(
            () -> new IllegalArgumentException("a movement has a quantity")), from.orElseThrow(
                () -> new IllegalArgumentException("a movement has a from_bucket")), to.orElseThrow(
                    () -> new IllegalArgumentException("a movement has a to_bucket")))));
      }
      Optional<String> provider = optional("provider");
      Optional<ProviderRef> ref = parseOptional("provider_event_id", v -> ProviderRef.of(provider.orElseThrow(
          () -> new IllegalArgumentException("a provider event id comes with its provider")), v));
      if (provider.isPresent() && ref.isEmpty()) {
        throw refused(row, "provider_event_id", "", ImportErrorCode.REQUIRED, "a provider comes with its event id");
      }
      EventPayload payload = parse("payload_json", json -> {
        EventPayload p = codec.read(kind, json);
        if (!codec.write(p).equals(json)) {
          throw new IllegalArgumentException("not in the store's JSON form for " + kind + ": " + codec.write(p));
        }
        return p;
      });
      if (!get("payload").equals(payload.toString())) {
        throw refused(row, "payload", get("payload"), ImportErrorCode.INVALID_VALUE,
            "differs from payload_json, which reads as " + payload);
      }
      return new LedgerEvent(workspace, id, stream, version, parseOptional("item_id", ItemId::of),
          parseOptional("listing_id", ListingId::of), parseOptional("order_id", OrderId::of), movement,
          parse("source", Source::valueOf), parse("actor", CsvBackup::actor), occurred, recorded, ref,
          optional("reason"), optional("causation"), payload);
    }

    Receipt receipt() {
      ProviderRef ref = ProviderRef.of(get("receipt_provider"), parse("receipt_event_id", Function.identity()));
      return new Receipt(ref, parse("receipt_fingerprint", Function.identity()),
          parseOptional("receipt_events", CsvBackup::eventIds).orElse(List.of()));
    }
  }

  /** {@code item:abc} as {@link StreamId#toString()} writes it. */
  private static StreamId stream(String text) {
    String[] kindAndId = kindAnd(text, "a stream is kind:id, e.g. item:it-1");
    return new StreamId(StreamId.Kind.of(kindAndId[0]), kindAndId[1]);
  }

  /** {@code person:maya} as {@link Actor#toString()} writes it. */
  private static Actor actor(String text) {
    String[] kindAndName = kindAnd(text, "an actor is kind:name, e.g. person:maya");
    return new Actor(Actor.Kind.valueOf(kindAndName[0]), kindAndName[1]);
  }

  /** {@code kind:rest} split at the first colon, the kind in upper case as its enum or name has it. */
  private static String[] kindAnd(String text, String shape) {
    int colon = text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(shape);
    }
    return new String[] {text.substring(0, colon).toUpperCase(Locale.ROOT), text.substring(colon + 1)};
  }

  private static List<EventId> eventIds(String line) {
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<EventId> ids = new ArrayList<>();
      for (CSVRecord r : parser) {
        r.forEach(v -> ids.add(EventId.of(v)));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
