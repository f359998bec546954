package org.resellledger.samples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionException;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.Reports;
import org.resellledger.core.store.LedgerStore;

/**
 * The local web dashboard: the JDK's HTTP server answering pages over one ledger.
 *
 * <ul>
 *   <li>Binds the address of its {@link WebOptions} (loopback by default) and answers only requests whose
 *       {@code Host} is that address or {@code localhost} with its port, so a page of another site cannot
 *       reach it through a DNS name rebound to 127.0.0.1.
 *   <li>Every state-changing request is a POST that carries its session's CSRF token in a form field
 *       ({@link Sessions}); without it, with another session's token, or from another origin, it is refused
 *       403 and nothing changes.
 *   <li>Every value shown is HTML-escaped ({@link Html}); every response carries a Content-Security-Policy
 *       that allows no script at all, styles only from this server, and forms posting only to it.
 *   <li>Every figure is read through the public {@link Ledger} API; every change is a ledger command made
 *       with a person's {@code Origin}, so a refusal is the ledger's, shown with its code and field.
 * </ul>
 */
public final class WebDashboard implements AutoCloseable {
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Books books;
  private final Sessions sessions;
  private final Map<String, Page> gets = new LinkedHashMap<>();
  private final Map<String, Page> posts = new LinkedHashMap<>();
  private final Set<String> hosts;
  private final byte[] style;

  private WebDashboard(HttpServer server, ExecutorService executor, Books books, Sessions sessions) {
    this.server = server;
    this.executor = executor;
    this.books = books;
    this.sessions = sessions;
    this.style = resource("style.css");
    int port = server.getAddress().getPort();
    InetAddress bound = server.getAddress().getAddress();
    String literal = bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
    this.hosts = Set.copyOf(java.util.List.of(literal + ":" + port, "localhost:" + port, "127.0.0.1:" + port,
        "[::1]:" + port));

    // one line per view and per action
    gets.put(Urls.OVERVIEW, new OverviewPage(books));
    gets.put(Urls.ITEMS, new ItemsPage(books));
    gets.put(Urls.ITEM, new ItemPage(books));
    gets.put(Urls.LISTINGS, new ListingsPage(books));
    gets.put(Urls.INBOX, new InboxPage(books));
    gets.put(Urls.CHARTS, new ChartsPage(books));
    posts.put(Urls.ITEM_STATUS, new ItemStatusAction(books));
    posts.put(Urls.LISTING_END, new ListingEndAction(books));
    gets.put(Urls.PROPOSALS, new ProposalsPage(books));
    posts.put(Urls.PROPOSAL_APPROVE, new ProposalApproveAction(books));
    posts.put(Urls.PROPOSAL_REJECT, new ProposalRejectAction(books));
    gets.put(Urls.QUEUES, new QueuesPage(books));
    gets.put(Urls.TODAY, new TodayPage(books));
    gets.put(Urls.WEEK, new WeekPage(books));
  }

  /**
   * Starts serving {@code ledger} (and the parked entries of {@code inbox}, when given) on the options' address
   * and port; returns once the server accepts connections.
   */
  public static WebDashboard start(Ledger ledger, Optional<InboxStore> inbox, WebOptions options) throws IOException {
    return start(ledger, inbox, Optional.empty(), Optional.empty(), Optional.empty(), options);
  }

  /**
   * Starts serving {@code ledger} with the store it is open on: its inbox when the store keeps one, and its
   * proposals ({@link ProposalBook}), which the proposals page lists and approves or rejects, its exception
   * queues ({@link Queues}, default {@link QueuePolicy}) and its daily and weekly reports ({@link Reports}).
   */
  public static WebDashboard start(Ledger ledger, LedgerStore store, WebOptions options) throws IOException {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(store, "store");
    Optional<InboxStore> inbox = store instanceof InboxStore i ? Optional.of(i) : Optional.empty();
    return start(ledger, inbox, Optional.of(ProposalBook.of(ledger, store)),
        Optional.of(Queues.open(store, ledger.workspace(), ledger.config(), QueuePolicy.defaults(), inbox)),
        Optional.of(Reports.open(store, ledger.workspace(), inbox)), options);
  }

  private static WebDashboard start(Ledger ledger, Optional<InboxStore> inbox, Optional<ProposalBook> proposals,
      Optional<Queues> queues, Optional<Reports> reports, WebOptions options) throws IOException {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(options, "options");
    HttpServer server = HttpServer.create(new InetSocketAddress(options.address(), options.port()), 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "ledger-web-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    WebDashboard dashboard = new WebDashboard(server, executor,
        new Books(ledger, inbox, proposals, queues, reports, options.person()), new Sessions(new SecureRandom()));
    server.createContext("/", dashboard::serve);
    server.setExecutor(executor);
    server.start();
    return dashboard;
  }

  /** Where it answers, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops answering at once (an idle keep-alive connection would otherwise hold the stop for its delay). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> cookies = Request.cookies(exchange.getRequestHeaders().get("Cookie"));
      Sessions.Session session = sessions.find(Optional.ofNullable(cookies.get(Sessions.COOKIE)));
      Response response;
      try {
        response = answer(exchange, session, cookies);
      } catch (WebException e) {
        response = Response.html(e.status(), Layout.refusal(books, title(e.status()), e.getMessage()));
      } catch (RejectionException e) {
        response = Response.html(409, Layout.refusal(books, "Refused by the ledger", describe(e)));
      } catch (RuntimeException e) {
        System.err.println("ledger web: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        e.printStackTrace();
        response = Response.html(500, Layout.refusal(books, "Something went wrong",
            "The page could not be built: " + e.getClass().getSimpleName() + ". The server's log has the details."));
      }
      send(exchange, session, response);
    }
  }

  private Response answer(HttpExchange exchange, Sessions.Session session, Map<String, String> cookies)
      throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      throw new WebException(421, "This dashboard answers only at " + uri() + ".");
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (Urls.STYLE.equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
      return new Response(200, "text/css; charset=utf-8", style, Map.of("Cache-Control", "max-age=300"));
    }
    Page page = switch (method) {
      case "GET", "HEAD" -> gets.get(path);
      case "POST" -> posts.get(path);
      default -> null;
    };
    if (page == null) {
      if (gets.containsKey(path) || posts.containsKey(path)) {
        throw new WebException(405, "This address does not take " + method + ".");
      }
      throw new WebException(404, "Nothing lives at this address.");
    }
    Request request = Request.read(exchange, session, cookies);
    if ("POST".equals(method)) {
      checkSameOrigin(exchange);
      if (!Sessions.verify(session, request.form(Sessions.FIELD))) {
        throw new WebException(403, "The form's security token is missing or does not belong to this session;"
            + " nothing was changed. Reload the page and try again.");
      }
    }
    return page.handle(request);
  }

  /** A browser names the page a form came from: refuse one from any other origin or site. */
  private void checkSameOrigin(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !"null".equals(origin)) {
      String host;
      String scheme;
      try {
        URI o = new URI(origin);
        host = o.getHost() == null ? "" : o.getHost() + ":" + o.getPort();
        scheme = o.getScheme();
      } catch (java.net.URISyntaxException e) {
        host = "";
        scheme = "";
      }
      if (!"http".equals(scheme) || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
        throw new WebException(403, "A form from another site was refused; nothing was changed.");
      }
    }
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new WebException(403, "A form from another site was refused; nothing was changed.");
    }
  }

  private void send(HttpExchange exchange, Sessions.Session session, Response response) throws IOException {
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", response.contentType());
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
    response.headers().forEach(h::set);
    if (session.isNew()) {
      h.add("Set-Cookie", Sessions.cookie(session));
    }
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String describe(RejectionException e) {
    return e.getMessage();
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Refused";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Too large";
      case 421 -> "Wrong address";
      default -> "Error " + status;
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebDashboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
