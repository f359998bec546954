package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.money.Money;

class SvgTest {
  @Test
  void weekly_whenAWeekLostMoney_drawsItsMarginBelowTheAxisInTheLossColour() {
    List<Figures.Week> weeks = List.of(
        new Figures.Week(LocalDate.of(2026, 11, 30), Money.of("50.00", "USD"), Money.of("20.00", "USD"), 2, 0),
        new Figures.Week(LocalDate.of(2026, 12, 7), Money.of("10.00", "USD"), Money.of("-30.00", "USD"), 1, 0));

    String svg = Svg.weekly(weeks, "USD", 12);

    assertThat(svg).contains(">-30.00</text>").contains("fill=\"" + Svg.LOSS + "\"><title>Week of 2026-12-07")
        .contains("fill=\"" + Svg.MARGIN + "\"><title>Week of 2026-11-30").contains(">Dec 7</text>")
        // the axis runs from -40 to 60 in steps of 20: zero is inside, so both signs are drawn
        .contains(">-40</text>").contains(">60</text>").contains(">0</text>");
  }

  @Test
  void sellThrough_whenGroupNameIsMarkup_writesItAsText() {
    String svg = Svg.sellThrough("chart-x", "by <x>", List.of(new Figures.SellThrough("<b>Toys</b>", 1, 3)));

    assertThat(svg).contains("&lt;b&gt;Toys&lt;/b&gt;").doesNotContain("<b>").contains("aria-label=\"by &lt;x&gt;\"")
        .contains("25% · 1 sold, 3 unsold");
  }

  @Test
  void niceStep_isOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Svg.niceStep(17)).isEqualTo(20);
    assertThat(Svg.niceStep(3.2)).isEqualTo(5);
    assertThat(Svg.niceStep(0.07)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Svg.niceStep(0)).isEqualTo(1);
  }
}
