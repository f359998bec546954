package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Defect;

class ValuesTest {
  @Test
  void category_levelsWithSeparators_roundTripThroughEscapes() {
    Category c = Category.of("Toys", "Lego > Duplo", "1/2 scale", "back\\slash");
    String cell = Values.category(c);
    assertThat(cell).isEqualTo("Toys > Lego \\> Duplo > 1\\/2 scale > back\\\\slash");
    assertThat(Values.category(cell)).isEqualTo(c);
    assertThat(Values.category("Clothing/Women > Dresses").path()).containsExactly("Clothing", "Women", "Dresses");
  }

  @Test
  void defects_andSpecifics_roundTripThroughEscapes() {
    List<Defect> defects = List.of(new Defect(Defect.Kind.STAIN, "sleeve; left: cuff", Defect.Severity.MINOR,
        Optional.of("a=b\\c")), Defect.of(Defect.Kind.HOLE, "collar", Defect.Severity.MAJOR));
    assertThat(Values.defects(Values.defects(defects))).isEqualTo(defects);

    Map<String, String> specifics = new LinkedHashMap<>();
    specifics.put("size=eu", "38;39");
    specifics.put("colour", "navy");
    assertThat(Values.specifics(Values.specifics(specifics))).isEqualTo(specifics);
  }

  @Test
  void specifics_repeatedKey_isRefused() {
    assertThatThrownBy(() -> Values.specifics("size=M; size=L")).isInstanceOf(BadCell.class)
        .hasMessageContaining("'size' is given twice");
  }

  @Test
  void enumWords_forgiveCaseSpacesAndHyphens_andSuggestNearMisses() {
    assertThat(Values.enumValue(Condition.class, "new with-tags")).isEqualTo(Condition.NEW_WITH_TAGS);
    assertThatThrownBy(() -> Values.enumValue(Condition.class, "exelent")).isInstanceOf(BadCell.class)
        .hasMessageStartingWith("did you mean EXCELLENT?");
    assertThatThrownBy(() -> Values.enumValue(Condition.class, "banana")).isInstanceOf(BadCell.class)
        .hasMessageStartingWith("one of NEW_WITH_TAGS");
  }

  @Test
  void amounts_takeAnOptionalCurrencyAfter_andRefuseSymbolsAndSigns() {
    assertThat(Values.amount("12.50 usd").currency().map(Object::toString)).contains("USD");
    assertThatThrownBy(() -> Values.amount("1,200.00")).isInstanceOf(BadCell.class);
    assertThatThrownBy(() -> Values.amount("-1")).hasMessageContaining("negative");
    assertThatThrownBy(() -> Values.amount("1e5")).isInstanceOf(BadCell.class);
  }
}
