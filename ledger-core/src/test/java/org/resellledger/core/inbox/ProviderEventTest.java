package org.resellledger.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.inbox.InboxFixture.shopify;
import static org.resellledger.core.inbox.InboxFixture.shopifyBuilder;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.InMemoryLedgerStore;

/** A provider event is bounded at the door, keeps its own copy of the body, and normalises what it may. */
class ProviderEventTest {

  private static RejectionException refused(Runnable build) {
    return catchThrowableOfType(build::run, RejectionException.class);
  }

  @Test
  void body_isCopiedInAndOut() {
    byte[] body = {1, 2, 3};
    ProviderEvent e = shopifyBuilder("orders/create", "ev-1", "").body(body).build();
    body[0] = 9;
    e.body()[1] = 9;

    assertThat(e.body()).containsExactly(1, 2, 3);
    assertThat(e).isEqualTo(shopifyBuilder("orders/create", "ev-1", "").body(new byte[] {1, 2, 3}).build());
    assertThat(e.bodyDigest()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
  }

  @Test
  void body_overTheBound_isRefused_namingTheField() {
    RejectionException e = refused(() -> shopifyBuilder("orders/create", "ev-1", "")
        .body(new byte[ProviderEvent.MAX_BODY_BYTES + 1]).build());

    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("body");
    assertThat(shopifyBuilder("t", "ev-1", "").body(new byte[ProviderEvent.MAX_BODY_BYTES]).build().body())
        .hasSize(ProviderEvent.MAX_BODY_BYTES);
  }

  @Test
  void nulInTopic_isRefused() {
    RejectionException e = refused(() -> shopify("orders\u0000create", "ev-1", "{}"));

    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("topic");
  }

  @Test
  void missingProviderAndTopic_areEachNamed() {
    RejectionException e = refused(() -> ProviderEvent.builder().account("a").providerEventId("1")
        .receivedAt(InboxFixture.AT).body(new byte[0]).signature(SignatureVerdict.NOT_CHECKED).build());

    assertThat(e.all()).extracting(RejectionException::code).containsOnly(RejectionCode.MISSING_FIELD);
    assertThat(e.all()).extracting(RejectionException::field).containsExactlyInAnyOrder("provider", "topic");
  }

  @Test
  void badInput_isATypedRefusal_andTheInboxStoresNothing() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    WorkspaceId ws = WorkspaceId.of("bad-input");
    List<Runnable> bad = List.of(
        () -> store.receive(ws, InboxEntryId.of("in-1"), shopifyBuilder("t", "ev-1", "")
            .body(new byte[ProviderEvent.MAX_BODY_BYTES + 1]).build()),
        () -> store.receive(ws, InboxEntryId.of("in-1"), shopify("a\u0000b", "ev-1", "{}")),
        () -> store.receive(ws, InboxEntryId.of("in-1"), null));

    for (Runnable call : bad) {
      assertThat(refused(call)).isNotNull();
    }
    assertThat(store.inboxEntry(ws, InboxEntryId.of("in-1"))).isEmpty();
    assertThat(store.inboxEntries(ws, InboxState.RECEIVED, 0, 10)).isEmpty();
  }

  @Test
  void headers_areBounded_andKeptInLowerCase() {
    ProviderEvent e = shopifyBuilder("orders/create", "ev-1", "{}").putHeaders("X-Shopify-Hmac-Sha256", "abc=")
        .build();
    assertThat(e.headers()).containsOnlyKeys("x-shopify-topic", "x-shopify-hmac-sha256");

    assertThat(refused(() -> shopifyBuilder("t", "1", "").putHeaders("x-shopify-topic", "again").build()).field())
        .as("one header twice, in two cases").isEqualTo("headers");
    assertThat(refused(() -> shopifyBuilder("t", "1", "").putHeaders("bad name", "v").build()).field())
        .isEqualTo("headers");
    ProviderEvent.Builder many = shopifyBuilder("t", "1", "");
    for (int i = 0; i < ProviderEvent.MAX_HEADERS; i++) {
      many.putHeaders("h" + i, "v");
    }
    assertThat(refused(many::build).field()).isEqualTo("headers");
  }

  @Test
  void instants_areKeptToTheMicrosecond_andTextStripped() {
    ProviderEvent e = shopifyBuilder(" orders/create ", "ev-1", "{}")
        .receivedAt(Instant.parse("2026-03-01T10:15:30.123456789Z")).build();

    assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
    assertThat(e.topic()).isEqualTo("orders/create");
  }

  @Test
  void accountOverItsBound_isRefused() {
    assertThat(refused(() -> shopifyBuilder("t", "1", "").account("a".repeat(121)).build()).field())
        .isEqualTo("account");
    assertThat(shopifyBuilder("t", "1", "").provider(Channel.of("vinted")).build().provider().code())
        .isEqualTo("vinted");
  }
}
