package org.resellledger.samples.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;

/**
 * A small webhook endpoint on the JDK's HTTP server, bound to the loopback address: {@code POST /webhooks/<channel>}
 * is read by that channel's {@link WebhookReader} (signature checked), stored in the inbox, acknowledged, and
 * processed afterwards on a worker thread by an {@link InboxProcessor}.
 *
 * <ul>
 *   <li>Every delivery is stored before it is acknowledged; the answer never waits for mapping or the ledger.
 *       Its text starts with the arrival ({@code first}, {@code redelivery}, {@code conflict}) and the entry id:
 *       200 stored (a redelivery and a conflict too: the channel need not send it again), 401 stored but its
 *       signature did not verify, 413 stored (its first {@value Deliveries#OVERSIZE_KEPT} bytes, marked) but its
 *       body was beyond {@link ProviderEvent#MAX_BODY_BYTES}, 404 no such channel, 405 not a POST, 500 the store
 *       failed (the channel retries). Answers carry a short text, never a stack trace.
 *   <li>A body is read up to the bound and no further: beyond it the rest is not read and the connection closes.
 *   <li>A first delivery, or a redelivery of an entry still RECEIVED, is queued for processing; after an entry is
 *       applied, parked and held entries are tried again ({@link InboxProcessor#processAll}).
 * </ul>
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());
  /** The path prefix; the channel's code follows. */
  public static final String PATH = "/webhooks/";

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ExecutorService worker;
  private final Ledger ledger;
  private final InboxStore inbox;
  private final InboxProcessor processor;
  private final Map<String, WebhookReader> readers = new LinkedHashMap<>();
  private final IdGenerator ids;
  private final Clock clock;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong done = new AtomicLong();

  private WebhookReceiver(Ledger ledger, InboxStore inbox, ChannelLinkStore links, List<WebhookReader> readers,
      List<ChannelMapper> mappers, int port, int threads) throws IOException {
    this.ledger = ledger;
    this.inbox = inbox;
    this.processor = InboxProcessor.of(ledger, inbox, links, mappers);
    for (WebhookReader r : readers) {
      this.readers.put(r.channel().code(), r);
    }
    this.ids = ledger.config().ids();
    this.clock = ledger.config().clock();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.handlers = Executors.newFixedThreadPool(threads);
    this.worker = Executors.newSingleThreadExecutor();
    server.setExecutor(handlers);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /**
   * A receiver on 127.0.0.1 ({@code port} 0: any free port) for the ledger's workspace, storing in {@code inbox}
   * and processing with {@code mappers}; {@code threads} answer requests.
   */
  public static WebhookReceiver start(Ledger ledger, InboxStore inbox, ChannelLinkStore links,
      List<WebhookReader> readers, List<ChannelMapper> mappers, int port, int threads) throws IOException {
    return new WebhookReceiver(ledger, inbox, links, readers, mappers, port, threads);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The processor it hands entries to (matching by hand, linking, processing again). */
  public InboxProcessor processor() {
    return processor;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "POST only");
        return;
      }
      String channel = exchange.getRequestURI().getPath().substring(PATH.length());
      WebhookReader reader = readers.get(channel);
      if (reader == null) {
        answer(exchange, 404, "no channel " + Json.clipped(channel));
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!values.isEmpty()) {
          headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
        }
      });
      Body body = read(exchange);
      ProviderEvent event;
      try {
        event = reader.read(headers, body.bytes, clock.instant());
        if (body.size > ProviderEvent.MAX_BODY_BYTES) {
          event = Deliveries.oversized(event, body.size);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a delivery could not be read as an event", e);
        answer(exchange, 400, "unreadable delivery: " + Json.clipped(String.valueOf(e.getMessage())));
        return;
      }
      Delivered delivered;
      try {
        delivered = inbox.receive(ledger.workspace(), InboxEntryId.of(ids.next()), event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the inbox did not store a delivery", e);
        answer(exchange, 500, "not stored, send again");
        return;
      }
      InboxEntry entry = delivered.entry();
      boolean waiting = delivered.arrival() == Delivered.Arrival.FIRST
          || (delivered.isRedelivery() && entry.state() == InboxState.RECEIVED);
      if (waiting) {
        queue(entry.id());
      }
      String stored = delivered.arrival().name().toLowerCase(Locale.ROOT) + " " + entry.id().value();
      if (body.size > ProviderEvent.MAX_BODY_BYTES) {
        answer(exchange, 413, stored + ": not read, body beyond " + ProviderEvent.MAX_BODY_BYTES + " bytes");
      } else if (event.signature() == SignatureVerdict.UNVERIFIED) {
        answer(exchange, 401, stored + ": not applied, signature did not verify");
      } else {
        answer(exchange, 200, stored);
      }
    }
  }

  private record Body(byte[] bytes, long size) {}

  /** The body up to the bound; beyond it, its first bytes and its size (as much as was read, or as declared). */
  private static Body read(HttpExchange exchange) throws IOException {
    int max = ProviderEvent.MAX_BODY_BYTES;
    long declared = -1;
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = -1;
      }
    }
    InputStream in = exchange.getRequestBody();
    if (declared > max) {
      return new Body(in.readNBytes(Deliveries.OVERSIZE_KEPT), declared);
    }
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      return new Body(java.util.Arrays.copyOf(bytes, Deliveries.OVERSIZE_KEPT), bytes.length);
    }
    return new Body(bytes, bytes.length);
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (status == 413) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void queue(InboxEntryId id) {
    queued.incrementAndGet();
    worker.execute(() -> {
      try {
        InboxEntry after = processor.process(id);
        if (after.state() == InboxState.APPLIED) {
          processor.processAll(100);
        }
      } catch (RuntimeException e) {
        // the entry stays as it was (RECEIVED) and is processed by the next processAll
        LOG.log(Level.WARNING, "processing inbox entry " + id.value() + " failed", e);
      } finally {
        done.incrementAndGet();
      }
    });
  }

  /**
   * Waits until every queued entry was processed, at most {@code timeout}; whether it was. For tests and a clean
   * stop.
   */
  public boolean awaitProcessed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (done.get() < queued.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Stops answering (at most a second for exchanges under way), then lets the worker finish what is queued. */
  @Override
  public void close() throws InterruptedException {
    server.stop(1);
    handlers.shutdown();
    worker.shutdown();
    if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
      worker.shutdownNow();
    }
    handlers.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The channels it answers for, by path. */
  public List<String> paths() {
    List<String> paths = new ArrayList<>();
    readers.keySet().forEach(c -> paths.add(PATH + c));
    return paths;
  }
}
