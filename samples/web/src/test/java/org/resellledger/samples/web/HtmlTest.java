package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escape_whenValueHasMarkupCharacters_replacesEachByItsEntity() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(Html.escape("plain é ✓")).isEqualTo("plain é ✓");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void attrAndText_escapeTheValueButNotTheMarkup() {
    String out = new Html().raw("<td").attr("data-x", "\" onmouseover=\"alert(1)").raw(">")
        .text("<script>").raw("</td>").toString();
    assertThat(out).isEqualTo("<td data-x=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;</td>");
  }
}
