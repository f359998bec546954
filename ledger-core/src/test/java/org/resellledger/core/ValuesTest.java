package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;

/** Intake values are strict: each refuses bad input with the field, the value and what is allowed. */
class ValuesTest {

  @Test
  void sku_isNormalisedToUpperCase() {
    assertThat(Sku.of(" ab-12.x_3 ")).isEqualTo(Sku.of("AB-12.X_3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-AB", "A B", "ÄB", "A/B"})
  void sku_refusesBadFormats(String bad) {
    RejectionException e = catchThrowableOfType(RejectionException.class, () -> Sku.of(bad));
    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("sku");
  }

  @Test
  void sku_refusesMoreThan64Characters() {
    assertThat(Sku.of("A".repeat(64)).value()).hasSize(64);
    assertThatThrownBy(() -> Sku.of("A".repeat(65))).isInstanceOf(RejectionException.class);
  }

  @Test
  void money_keepsTheCurrencyScaleAndRefusesMorePrecision() {
    assertThat(Money.of("12.5", "USD").amount()).isEqualByComparingTo("12.50");
    assertThat(Money.of("1200", "JPY").toString()).isEqualTo("1200 JPY");
    RejectionException e = catchThrowableOfType(RejectionException.class, () -> Money.of("1.005", "USD"));
    assertThat(e.getMessage()).contains("at most 2 decimal places");
    assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(RejectionException.class);
  }

  @Test
  void money_neverMixesCurrencies() {
    RejectionException e = catchThrowableOfType(RejectionException.class,
        () -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
    assertThat(e.code()).isEqualTo(RejectionCode.CURRENCY_MISMATCH);
  }

  @Test
  void money_refusesUnknownCurrenciesAndNonNumbers() {
    assertThat(catchThrowableOfType(RejectionException.class, () -> Money.of("1", "XYZ1")).field())
        .isEqualTo("currency");
    assertThat(catchThrowableOfType(RejectionException.class, () -> Money.of("twelve", "USD")).field())
        .isEqualTo("amount");
  }

  @Test
  void money_allocatesIntoPartsThatSumExactly() {
    Money total = Money.of("100.00", "USD");
    List<Money> parts = total.allocate(List.of(1, 1, 1));
    assertThat(parts).containsExactly(Money.of("33.34", "USD"), Money.of("33.33", "USD"), Money.of("33.33", "USD"));
    for (int n = 1; n <= 17; n++) {
      List<Integer> weights = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        weights.add(i % 3 + 1);
      }
      Money odd = Money.of(new BigDecimal("7.01"), "USD");
      assertThat(odd.allocate(weights).stream().reduce(Money.zero(odd.currency()), Money::plus)).isEqualTo(odd);
    }
  }

  @Test
  void category_parsesPathsWithEitherSeparator() {
    assertThat(Category.parse("Clothing > Women/Dresses").path()).containsExactly("Clothing", "Women", "Dresses");
    assertThat(Category.parse("Toys").toString()).isEqualTo("Toys");
    assertThatThrownBy(() -> Category.parse("A > > B")).isInstanceOf(RejectionException.class);
  }

  @Test
  void storageLocation_isStructured() {
    StorageLocation loc = StorageLocation.parse("GARAGE / S3 / B12");
    assertThat(loc.area()).isEqualTo("GARAGE");
    assertThat(loc.shelf()).contains("S3");
    assertThat(loc.bin()).contains("B12");
    assertThat(loc.toString()).isEqualTo("GARAGE/S3/B12");
    assertThatThrownBy(() -> StorageLocation.parse("A/B/C/D")).isInstanceOf(RejectionException.class);
  }

  @Test
  void channel_isAnOpenSetOfLowerCaseCodes() {
    assertThat(Channel.of("Vinted")).isEqualTo(Channel.of("vinted"));
    assertThat(Channel.of("EBAY")).isEqualTo(Channel.EBAY);
    assertThatThrownBy(() -> Channel.of("e bay")).isInstanceOf(RejectionException.class);
  }

  @Test
  void itemDetails_missingRequiredFieldsAreNamed() {
    assertThatThrownBy(() -> ItemDetails.builder().sku(Sku.of("A")).title("x").build())
        .hasMessageContaining("category").hasMessageContaining("costBasis").hasMessageContaining("location");
  }

  @Test
  void itemDetails_refuseNegativeCostAndMixedCurrencies() {
    RejectionException negative = catchThrowableOfType(RejectionException.class,
        () -> Fixture.details("A").costBasis(Money.of("-1", "USD")).build());
    assertThat(negative.field()).isEqualTo("costBasis");
    RejectionException mixed = catchThrowableOfType(RejectionException.class,
        () -> Fixture.details("A").estimatedValue(Money.of("50", "EUR")).build());
    assertThat(mixed.getMessage()).contains("cost basis currency USD");
  }

  @Test
  void itemDetails_trimTitlesAndRefuseBlankOnes() {
    assertThat(Fixture.details("A").title("  Lamp  ").build().title()).isEqualTo("Lamp");
    assertThat(catchThrowableOfType(RejectionException.class, () -> Fixture.details("A").title("  ").build()).field())
        .isEqualTo("title");
  }
}
