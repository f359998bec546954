package org.resellledger.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.inbox.InboxFixture.shopifyBuilder;

import org.junit.jupiter.api.Test;
import org.resellledger.core.listing.Channel;

/** The dedupe key per provider: a redelivery always has the same key, two different facts never share one. */
class DedupeKeyTest {

  private static DedupeKey key(ProviderEvent.Builder b) {
    return b.build().dedupeKey();
  }

  @Test
  void shopify_oneMerchantActionOnTwoTopics_isTwoKeys() {
    assertThat(key(shopifyBuilder("orders/updated", "ev-7", "{}")))
        .isNotEqualTo(key(shopifyBuilder("orders/paid", "ev-7", "{}")));
  }

  @Test
  void shopify_sameEventIdFromTwoShops_isTwoKeys() {
    assertThat(key(shopifyBuilder("orders/create", "ev-7", "{}")))
        .isNotEqualTo(key(shopifyBuilder("orders/create", "ev-7", "{}").account("other.myshopify.com")));
  }

  @Test
  void shopify_redeliveryWithANewWebhookId_isTheSameKey() {
    assertThat(key(shopifyBuilder("orders/create", "ev-7", "{}").deliveryId("wh-1")))
        .isEqualTo(key(shopifyBuilder("orders/create", "ev-7", "{}").deliveryId("wh-2")));
  }

  @Test
  void ebay_isTheNotificationIdAlone() {
    ProviderEvent.Builder a = shopifyBuilder("ORDER_CONFIRMATION", "n-1", "{}").provider(Channel.EBAY);
    ProviderEvent.Builder b = shopifyBuilder("ORDER_CONFIRMATION", "n-1", "{}").provider(Channel.EBAY)
        .account("seller-renamed").topic("ORDER_CONFIRMATION_V2");

    assertThat(key(a)).isEqualTo(key(b));
    assertThat(key(a)).isNotEqualTo(key(a.providerEventId("n-2")));
  }

  @Test
  void etsy_isTheWebhookIdAlone() {
    ProviderEvent.Builder a = shopifyBuilder("order.paid", "msg_1", "{}").provider(Channel.ETSY);

    assertThat(key(a)).isEqualTo(key(shopifyBuilder("order.shipped", "msg_1", "{}").provider(Channel.ETSY)));
    assertThat(key(a)).isNotEqualTo(key(shopifyBuilder("order.paid", "msg_1", "{}")));
  }

  @Test
  void otherProviders_keyOnProviderAccountAndEventId() {
    ProviderEvent.Builder a = shopifyBuilder("sale", "42", "{}").provider(Channel.of("vinted"));

    assertThat(key(a)).isEqualTo(key(shopifyBuilder("sale.v2", "42", "{}").provider(Channel.of("vinted"))));
    assertThat(key(a)).isNotEqualTo(key(shopifyBuilder("sale", "42", "{}").provider(Channel.of("vinted"))
        .account("another")));
    assertThat(key(a)).isNotEqualTo(key(shopifyBuilder("sale", "42", "{}").provider(Channel.POSHMARK)));
  }

  @Test
  void partsCannotRunIntoEachOther() {
    ProviderEvent.Builder a = shopifyBuilder("x", "y", "{}").provider(Channel.of("p")).account("a b");
    ProviderEvent.Builder b = shopifyBuilder("x", "b y", "{}").provider(Channel.of("p")).account("a");

    assertThat(key(a)).isNotEqualTo(key(b));
    assertThat(key(shopifyBuilder("orders/create", "ev-7", "{}")).toString())
        .isEqualTo("shopify | demo.myshopify.com | orders/create | ev-7");
  }
}
