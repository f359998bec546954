package org.resellledger.samples.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.resellledger.core.report.Figure;

/**
 * A report {@link Figure} as markup: its value, folded over the events it comes from in a plain
 * {@code <details>} element (no script), each part an event id and its contribution.
 *
 * <ul>
 *   <li>The value is shown at {@code scale} decimals (half even); the exact value is in {@code data-value}.
 *   <li>The parts listed are all of the figure's parts, in the order the report gave them.
 * </ul>
 */
final class FigureView {
  private FigureView() {}

  static Html figure(Html h, String id, String label, Figure f, int scale) {
    h.raw("<details class=\"figure\"").attr("id", id).attr("data-value", f.value().toPlainString()).raw(">")
        .raw("<summary><span class=\"label\">").text(label).raw("</span> <span class=\"value\">")
        .text(shown(f.value(), scale)).raw("</span> <span class=\"note\">").text(f.parts().size())
        .text(f.parts().size() == 1 ? " event" : " events").raw("</span></summary>");
    if (f.parts().isEmpty()) {
      return h.raw("<p class=\"empty\">No event.</p></details>");
    }
    h.raw("<table class=\"parts\">").headers("Event", "Contribution").raw("<tbody>");
    for (Figure.Part p : f.parts()) {
      h.raw("<tr><td><code>").text(p.event().value()).raw("</code></td>").num(p.value().stripTrailingZeros()
          .toPlainString()).raw("</tr>");
    }
    return h.raw("</tbody></table></details>");
  }

  static String shown(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }
}
