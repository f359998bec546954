package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.jooq.JooqLedgerStore;

/** WebMain's path: the sample month on an embedded H2 store, served; a second fill leaves the books alone. */
class SampleBooksTest {
  @Test
  void sampleOnEmbeddedH2_fillsOnceAndTheOverviewServesIt(@TempDir Path dir) throws Exception {
    try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir)) {
      Ledger ledger = Ledger.open(store, WorkspaceId.of("maya-resale"));
      assertThat(SampleBooks.fillIfEmpty(ledger, Optional.of(store), "maya")).isTrue();
      long events = ledger.events().size();
      assertThat(SampleBooks.fillIfEmpty(ledger, Optional.of(store), "maya")).isFalse();
      assertThat(ledger.events()).hasSize((int) events);
      assertThat(ledger.items()).hasSize(6);
      assertThat(ledger.orders()).hasSize(8);

      try (WebDashboard web = WebDashboard.start(ledger, Optional.of(store),
          new WebOptions(InetAddress.getLoopbackAddress(), 0, "maya"))) {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(web.uri() + "charts")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"chart-weekly-usd\"").contains("Sell-through by category");
        HttpResponse<String> inbox = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(web.uri() + "inbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.body()).contains("no listing for shopify variant 44012345");
      }
    }
  }
}
