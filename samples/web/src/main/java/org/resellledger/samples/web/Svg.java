package org.resellledger.samples.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The charts, written as SVG by hand: bars of sales and margin by week, and bars of sell-through by group.
 *
 * <ul>
 *   <li>Every text in a chart (a group's name, a figure) goes through {@link Html#escape}.
 *   <li>Colours are presentation attributes, not style attributes, so the page's CSP needs no
 *       {@code 'unsafe-inline'}; each bar carries a {@code <title>} with its figures.
 *   <li>The value axis always includes zero, so a week with a loss draws below the axis.
 * </ul>
 */
final class Svg {
  static final String SALES = "#3b6fb6";
  static final String MARGIN = "#2e9d6a";
  static final String LOSS = "#c8553d";
  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private Svg() {}

  /** Sales and margin bars per week (at most the last {@code max} weeks given), in one currency. */
  static String weekly(List<Figures.Week> all, String currency, int max) {
    List<Figures.Week> weeks = all.subList(Math.max(0, all.size() - max), all.size());
    int width = 760;
    int height = 320;
    int left = 76;
    int right = 16;
    int top = 34;
    int bottom = 48;
    double hi = 0;
    double lo = 0;
    for (Figures.Week w : weeks) {
      hi = Math.max(hi, Math.max(w.sales().amount().doubleValue(), w.margin().amount().doubleValue()));
      lo = Math.min(lo, w.margin().amount().doubleValue());
    }
    double step = niceStep((hi - lo) / 5);
    double yMax = Math.max(step, Math.ceil(hi / step) * step);
    double yMin = Math.floor(lo / step) * step;
    int plotH = height - top - bottom;
    int plotW = width - left - right;
    java.util.function.DoubleUnaryOperator y = v -> top + plotH * (yMax - v) / (yMax - yMin);

    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-weekly-")
        .append(Html.escape(currency.toLowerCase(Locale.ROOT))).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape("Sales and margin by week, " + currency))
        .append("\">");
    for (double v = yMin; v <= yMax + step / 2; v += step) {
      double yy = y.applyAsDouble(v);
      s.append(line(left, yy, width - right, yy, Math.abs(v) < step / 2 ? "#555" : "#ddd"));
      s.append(text(left - 8, yy + 4, "end", "axis", format(v, step)));
    }
    if (weeks.isEmpty()) {
      s.append(text(left + plotW / 2.0, top + plotH / 2.0, "middle", "empty", "No sales yet"));
    }
    double group = weeks.isEmpty() ? plotW : (double) plotW / weeks.size();
    double bar = Math.min(36, group * 0.34);
    for (int i = 0; i < weeks.size(); i++) {
      Figures.Week w = weeks.get(i);
      double x0 = left + group * i + group / 2 - bar - 2;
      String sales = w.sales().amount().toPlainString();
      String margin = w.margin().amount().toPlainString();
      String title = "Week of " + w.monday() + ": sales " + w.sales() + ", margin " + w.margin() + ", " + w.orders()
          + " order(s)";
      s.append(bar(x0, y.applyAsDouble(w.sales().amount().doubleValue()), y.applyAsDouble(0), bar, SALES, "bar-sales",
          title));
      s.append(text(x0 + bar / 2, y.applyAsDouble(w.sales().amount().doubleValue()) - 4, "middle", "value", sales));
      boolean loss = w.margin().isNegative();
      double yMargin = y.applyAsDouble(w.margin().amount().doubleValue());
      s.append(bar(x0 + bar + 4, yMargin, y.applyAsDouble(0), bar, loss ? LOSS : MARGIN, "bar-margin", title));
      s.append(text(x0 + bar * 1.5 + 4, loss ? yMargin + 12 : yMargin - 4, "middle", "value", margin));
      s.append(text(left + group * i + group / 2, height - bottom + 18, "middle", "axis", WEEK.format(w.monday())));
    }
    legend(s, left, 16, new String[] {"Sales", "Margin", "Loss"}, new String[] {SALES, MARGIN, LOSS});
    s.append(text(width - right, height - 8, "end", "axis", "weeks from Monday, UTC; amounts in " + currency));
    return s.append("</svg>").toString();
  }

  /** Horizontal bars of sell-through, one per group, 0 to 100 %. */
  static String sellThrough(String id, String label, List<Figures.SellThrough> rows) {
    int width = 760;
    int rowH = 30;
    int left = 170;
    int right = 180;
    int top = 12;
    int height = top + rowH * Math.max(1, rows.size()) + 24;
    int plotW = width - left - right;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Html.escape(id))
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
        .append("\">");
    for (int p = 0; p <= 100; p += 25) {
      double x = left + plotW * p / 100.0;
      s.append(line(x, top, x, top + rowH * Math.max(1, rows.size()), "#ddd"));
      s.append(text(x, height - 6, "middle", "axis", p + "%"));
    }
    if (rows.isEmpty()) {
      s.append(text(left + plotW / 2.0, top + 20, "middle", "empty", "No items yet"));
    }
    for (int i = 0; i < rows.size(); i++) {
      Figures.SellThrough r = rows.get(i);
      double y0 = top + rowH * i + 6;
      String figures = r.percent() + "% · " + r.sold() + " sold, " + r.unsold() + " unsold";
      s.append(text(left - 8, y0 + 13, "end", "group", r.group()));
      s.append("<rect x=\"").append(left).append("\" y=\"").append(fmt(y0)).append("\" width=\"").append(plotW)
          .append("\" height=\"18\" fill=\"#eef1f5\"/>");
      s.append(bar(left, y0, y0 + 18, plotW * r.rate(), SALES, "bar-sell-through", r.group() + ": " + figures));
      s.append(text(left + plotW + 8, y0 + 13, "start", "value", figures));
    }
    return s.append("</svg>").toString();
  }

  private static String bar(double x, double yA, double yB, double w, String fill, String cls, String title) {
    double y0 = Math.min(yA, yB);
    double h = Math.abs(yB - yA);
    return "<rect class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y0) + "\" width=\"" + fmt(w)
        + "\" height=\"" + fmt(Math.max(h, 0.5)) + "\" fill=\"" + fill + "\"><title>" + Html.escape(title)
        + "</title></rect>";
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + stroke + "\" stroke-width=\"1\"/>";
  }

  private static String text(double x, double y, String anchor, String cls, String value) {
    return "<text class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor
        + "\">" + Html.escape(value) + "</text>";
  }

  private static void legend(StringBuilder s, int x, int y, String[] names, String[] colours) {
    int at = x;
    for (int i = 0; i < names.length; i++) {
      s.append("<rect x=\"").append(at).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(colours[i]).append("\"/>");
      s.append(text(at + 17, y, "start", "legend", names[i]));
      at += 90;
    }
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * pow >= raw) {
        return m * pow;
      }
    }
    return 10 * pow;
  }

  private static String format(double v, double step) {
    return new BigDecimal(v).setScale(step >= 1 ? 0 : 2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
