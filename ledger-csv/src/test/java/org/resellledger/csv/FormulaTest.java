package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaTest {
  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "\nx", "'=x", "''+x", "[clear]", "[CLEAR]",
      "'[clear]"})
  void dangerousText_isQuotedOnExport_andRestoredOnImport(String text) {
    String exported = Formula.neutralise(text);
    assertThat(exported).isEqualTo("'" + text);
    assertThat(Formula.restore(exported)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "-3", "-12.50", "'quoted", "a=b", "", "[clear] not alone"})
  void safeText_isLeftAlone_bothWays(String text) {
    assertThat(Formula.neutralise(text)).isEqualTo(text);
    assertThat(Formula.restore(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'=HYPERLINK(1)", "'-5", "'@x"})
  void aHandTypedLeadingQuote_beforeAFormulaCharacter_isTakenOff(String cell) {
    assertThat(Cell.of(cell).text()).isEqualTo(cell.substring(1));
  }
}
