package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.details;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.StoredValues;

/**
 * Every value is bounded at the door, so nothing the stores cannot hold or read back gets in; values stored
 * before a bound existed still read back as they were.
 */
class BoundsTest {

  private static RejectionException refused(Runnable r) {
    RejectionException e = catchThrowableOfType(RejectionException.class, r::run);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    return e;
  }

  @Test
  void money_hasAtMost15DigitsBeforeThePoint() {
    assertThat(Money.of("999999999999999.99", "USD").amount()).isEqualByComparingTo("999999999999999.99");
    assertThat(Money.of("-999999999999999", "JPY").amount()).isEqualByComparingTo("-999999999999999");
    RejectionException e = refused(() -> Money.of("1000000000000000", "USD"));
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.getMessage()).contains("at most 15 digits before the decimal point");
    refused(() -> Money.of(new BigDecimal("9".repeat(1200)), "USD"));
    refused(() -> Money.of("999999999999999.99", "USD").plus(Money.of("0.01", "USD")));
    refused(() -> Money.of("500000000000000", "USD").times(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e-999999999", "1E3", "12.5e1", "0x10", "1,5", "١٢"})
  void money_textIsPlainDecimalDigits_andExponentsAreRefusedBeforeTheyExpand(String text) {
    RejectionException e = refused(() -> Money.of(text, "USD"));
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.getMessage()).contains("a decimal number such as 12.50");
  }

  @Test
  void money_hugeBigDecimalsAreRefusedWithoutExpandingThem() {
    refused(() -> Money.of(new BigDecimal("1e999999999"), "USD"));
    RejectionException tiny = refused(() -> Money.of(new BigDecimal("1e-999999999"), "USD"));
    assertThat(tiny.getMessage()).contains("at most 2 decimal places");
    assertThat(Money.of(new BigDecimal("0e-999999999"), "USD").isZero()).isTrue();
    assertThat(Money.of(new BigDecimal("1.50000000000000000000000000"), "USD").amount()).isEqualByComparingTo("1.5");
  }

  @Test
  void money_overlongTextIsRefusedBeforeParsing() {
    refused(() -> Money.of("1" + "0".repeat(100), "USD"));
    refused(() -> Money.of("0." + "0".repeat(100) + "1", "USD"));
    assertThat(Money.of("  12.50  ", "USD").amount()).isEqualByComparingTo("12.50");
    assertThat(Money.of("+3", "USD").amount()).isEqualByComparingTo("3.00");
    assertThat(Money.of(".5", "USD").amount()).isEqualByComparingTo("0.50");
  }

  @Test
  void text_refusesNulControlCharactersAndUnpairedSurrogates_namingTheField() {
    RejectionException nul = refused(() -> details("A-1").title("Lamp\u0000shade").build());
    assertThat(nul.all()).extracting(RejectionException::field).containsExactly("title");
    assertThat(nul.all().get(0).getMessage()).contains("U+0000").contains("position 5");
    RejectionException bell = refused(() -> details("A-1").notes("ding\u0007").build());
    assertThat(bell.all().get(0).field()).isEqualTo("notes");
    RejectionException lone = refused(() -> details("A-1").title("Lamp \uD83E").build());
    assertThat(lone.all().get(0).getMessage()).contains("unpaired surrogate");
    RejectionException loneLow = refused(() -> details("A-1").brand("\uDD25 Acme").build());
    assertThat(loneLow.all().get(0).field()).isEqualTo("brand");
  }

  @Test
  void text_keepsTabsNewlinesAndEveryRealCharacter() {
    ItemDetails d = details("A-1").title("🧥 ジャケット שלום e\u0301").notes("line 1\nline 2\r\n\tindented").build();
    assertThat(d.title()).isEqualTo("🧥 ジャケット שלום e\u0301");
    assertThat(d.notes()).hasValue("line 1\nline 2\r\n\tindented");
  }

  @Test
  void valuesStoredBeforeABoundExisted_readBackAsTheyWere() {
    Money old = StoredValues.read(() -> Money.of(new BigDecimal("12345678901234567890.25"), "USD"));
    assertThat(old.amount()).isEqualByComparingTo("12345678901234567890.25");
    ItemDetails oldText = StoredValues.read(() -> details("A-1").title("old\u0007title").build());
    assertThat(oldText.title()).isEqualTo("old\u0007title");
    // the scope ends with the read: new input is bounded again
    refused(() -> details("A-1").title("old\u0007title").build());
    // what no store could ever hold is refused even when reading
    refused(() -> StoredValues.read(() -> Money.of(new BigDecimal("1e999999999"), "USD")));
  }
}
