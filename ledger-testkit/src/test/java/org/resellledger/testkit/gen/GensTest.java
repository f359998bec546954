package org.resellledger.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.money.Money;

/** Generators produce valid values, really produce their edge cases, and are deterministic per seed. */
class GensTest {
  private static final int N = 3_000;

  private static <T> List<T> draw(Gen<T> gen) {
    return gen.samples(20260301).limit(N).toList();
  }

  @Test
  void everyGenerator_isDeterministicPerSeed() {
    for (Gen<?> gen : List.of(Gens.itemDetails(), Gens.listingDetails(), Gens.skus(), Gens.money(), Gens.titles(),
        Gens.providerRefs(), Gens.instants(), Gens.origins(), Gens.categories(), Gens.locations())) {
      assertThat(gen.samples(11).limit(30).toList()).isEqualTo(gen.samples(11).limit(30).toList());
    }
  }

  @Test
  void titles_areValid_andIncludeEveryScriptAndBothLengthLimits() {
    List<String> titles = draw(Gens.titles());

    assertThat(titles).allSatisfy(t -> {
      assertThat(t).isNotBlank().hasSizeLessThanOrEqualTo(ItemDetails.MAX_TITLE).isEqualTo(t.strip());
      assertThat(Character.isLowSurrogate(t.charAt(0))).isFalse();
    });
    assertThat(titles).anyMatch(t -> t.length() == ItemDetails.MAX_TITLE);
    assertThat(titles).anyMatch(t -> t.length() == 1);
    assertThat(titles).anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint)); // emoji
    assertThat(titles).anyMatch(t -> t.codePoints().anyMatch(c ->
        Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)); // CJK
    assertThat(titles).anyMatch(t -> t.codePoints().anyMatch(c ->
        Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)); // RTL
    assertThat(titles).anyMatch(t -> t.codePoints().anyMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK));
  }

  @Test
  void skus_areValid_andIncludeTheShortestAndLongest() {
    List<Sku> skus = draw(Gens.skus());

    assertThat(skus).allMatch(s -> s.equals(Sku.of(s.value())));
    assertThat(skus).anyMatch(s -> s.value().length() == 1);
    assertThat(skus).anyMatch(s -> s.value().length() == 64);
  }

  @Test
  void invalidSkuTexts_areAllRefused() {
    assertThat(draw(Gens.invalidSkuTexts()).stream().distinct()).allSatisfy(text ->
        assertThat(new InvalidInput("sku", "'" + text + "'", () -> Sku.of(text)).rejection().field())
            .isEqualTo("sku"));
  }

  @Test
  void money_coversEveryCurrency_atItsScale_withZeroOneAndMax() {
    List<Money> amounts = draw(Gens.money());

    assertThat(amounts).extracting(m -> m.currency().getCurrencyCode()).contains("USD", "EUR", "GBP", "JPY");
    assertThat(amounts).allMatch(m -> !m.isNegative()
        && m.amount().scale() == m.currency().getDefaultFractionDigits());
    assertThat(amounts).anyMatch(Money::isZero);
    assertThat(amounts).anyMatch(m -> m.amount().unscaledValue().intValue() == 1); // one minor unit
    assertThat(amounts).anyMatch(m -> m.amount().compareTo(
        BigDecimal.valueOf(Gens.MAX_MAJOR_UNITS).add(m.currency().getDefaultFractionDigits() == 0
            ? BigDecimal.ZERO : new BigDecimal("0.99"))) == 0);
    assertThat(amounts).filteredOn(m -> m.currency().getCurrencyCode().equals("JPY"))
        .allMatch(m -> m.amount().scale() == 0);
  }

  @Test
  void itemDetails_areValid_inOneCurrency_andIncludeMinimalAndMaximal() {
    List<ItemDetails> all = draw(Gens.itemDetails());

    assertThat(all).allSatisfy(d -> {
      Currency c = d.costBasis().currency();
      d.estimatedValue().ifPresent(m -> assertThat(m.currency()).isEqualTo(c));
      d.targetPrice().ifPresent(m -> assertThat(m.currency()).isEqualTo(c));
      assertThat(ItemDetails.builder().from(d).build()).isEqualTo(d); // passes every check again, unchanged
    });
    assertThat(all).anyMatch(d -> d.brand().isEmpty() && d.notes().isEmpty() && d.defects().isEmpty()
        && d.specifics().isEmpty());
    assertThat(all).anyMatch(d -> d.notes().map(String::length).orElse(0) == 4000
        && d.title().length() == ItemDetails.MAX_TITLE);
    assertThat(all).anyMatch(d -> d.category().path().size() == 6);
    assertThat(all).anyMatch(d -> d.category().path().size() == 1);
    assertThat(all).anyMatch(d -> d.location().bin().isPresent());
    assertThat(all).anyMatch(d -> d.location().shelf().isEmpty());
  }

  @Test
  void invalidItemDetails_areRefusedWithInvalidValue_namingTheirField() {
    List<InvalidInput> bad = draw(Gens.invalidItemDetails());

    assertThat(bad).extracting(InvalidInput::field).contains("title", "costBasis", "currency", "brand", "notes",
        "specifics.key", "amount", "category", "location", "location.area", "sku", "targetPrice", "consignor");
    for (InvalidInput input : bad.subList(0, 400)) {
      RejectionException e = input.rejection();
      assertThat(e.code()).as(input.toString()).isEqualTo(RejectionCode.INVALID_VALUE);
      assertThat(e.field()).as(input + ": " + e.getMessage()).isEqualTo(input.field());
    }
  }

  @Test
  void listingDetails_spanManyChannels_andIncludeTheLongestDescription() {
    List<ListingDetails> all = draw(Gens.listingDetails());

    assertThat(all).extracting(l -> l.channel().code()).contains("ebay", "etsy", "shopify", "poshmark", "mercari",
        "facebook", "vinted", "depop", "whatnot");
    assertThat(all).anyMatch(l -> l.description().map(String::length).orElse(0) == 50_000);
    assertThat(all).anyMatch(l -> l.listedQuantity() == 0);
    assertThat(all).anyMatch(l -> l.url().isPresent());
    assertThat(all).anyMatch(l -> l.externalId().isEmpty());
  }

  @Test
  void invalidListingDetails_areRefusedWithInvalidValue_namingTheirField() {
    for (InvalidInput input : draw(Gens.invalidListingDetails()).subList(0, 200)) {
      RejectionException e = input.rejection();
      assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
      assertThat(e.field()).as(input + ": " + e.getMessage()).isEqualTo(input.field());
    }
  }

  @Test
  void providerEventIds_lookLikeEachProvidersOwn() {
    Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    List<ProviderRef> refs = draw(Gens.providerRefs());

    assertThat(refs).extracting(ProviderRef::provider).containsOnly("ebay", "etsy", "shopify");
    assertThat(refs).filteredOn(r -> r.provider().equals("etsy"))
        .allMatch(r -> r.eventId().matches("evt_01H[0-9A-HJKMNP-TV-Z]{23}"));
    assertThat(refs).filteredOn(r -> r.provider().equals("ebay"))
        .allMatch(r -> uuid.matcher(r.eventId()).matches() || r.eventId().matches("ntf-\\d{10}"));
    assertThat(refs).filteredOn(r -> r.provider().equals("shopify"))
        .allMatch(r -> uuid.matcher(r.eventId()).matches() || r.eventId().matches("gid://shopify/WebhookEvent/\\d{13}"));
    assertThat(refs.stream().distinct().count()).isGreaterThan(N - 5);
  }

  @Test
  void instants_shareOneInstantOften_andKeepMicrosecondsAtMost() {
    var instants = draw(Gens.instants());

    assertThat(instants.stream().filter(Samples.NOW::equals).count()).isGreaterThan(N / 10);
    assertThat(instants).allMatch(i -> i.getNano() % 1000 == 0);
    assertThat(instants).anyMatch(i -> i.getNano() != 0);
  }

  @Test
  void channelSales_areAcceptedShapes_withOneLinePerSku() {
    var skus = List.of(Sku.of("A"), Sku.of("B"), Sku.of("C"));
    var sales = Gens.channelSales(skus, Currency.getInstance("EUR")).samples(3).limit(300).toList();

    assertThat(sales).allSatisfy(s -> {
      assertThat(s.lines()).extracting(l -> l.sku()).doesNotHaveDuplicates();
      assertThat(s.origin().provider()).isPresent();
      assertThat(s.fees().currency().getCurrencyCode()).isEqualTo("EUR");
    });
    assertThat(sales).extracting(s -> s.lines().size()).contains(1, 3);
  }
}
