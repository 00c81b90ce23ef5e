package org.rehabnet.portal.svg;

import java.util.Locale;

/**
 * A small builder of SVG markup. Every text and attribute value is escaped here, which is what makes
 * it safe for the pages to insert the result unescaped ({@code th:utext}). Colours are attributes, not
 * inline styles, so the strict CSP ({@code style-src 'self'}) holds.
 */
final class Svg {

  private final StringBuilder out = new StringBuilder(8192);

  Svg(int width, int height, String label, String cssClass) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"").append(escape(cssClass))
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" aria-label=\"").append(escape(label)).append("\">")
        .append("<title>").append(escape(label)).append("</title>");
  }

  Svg rect(double x, double y, double w, double h, String fill, String stroke) {
    out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(escape(fill)).append('"');
    if (!stroke.isEmpty()) {
      out.append(" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"0.5\"");
    }
    out.append("/>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
        .append(n(width)).append("\"/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill, String tooltip) {
    out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\" fill=\"").append(escape(fill)).append("\">");
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
    out.append("</circle>");
    return this;
  }

  Svg polyline(CharSequence points, String stroke) {
    out.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"1.5\" points=\"")
        .append(points).append("\"/>");
    return this;
  }

  Svg polygon(CharSequence points, String fill, String tooltip) {
    out.append("<polygon fill=\"").append(escape(fill)).append("\" points=\"").append(points).append("\">");
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
    out.append("</polygon>");
    return this;
  }

  Svg text(double x, double y, String text, String anchor, int size, String fill) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
        .append(escape(anchor)).append("\" font-size=\"").append(size).append("\" fill=\"").append(escape(fill))
        .append("\">").append(escape(text)).append("</text>");
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }

  static String n(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
