package dev.retention.examples;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for the HTML report: horizontal bars and a vertical series (bars or a
 * line). Every label is escaped; every mark carries its value in {@code data-value}.
 */
final class Svg {
    static final String ACCENT = "#2b6cb0";

    private Svg() {
    }

    /** One labelled value. */
    record Bar(String label, double value, String shown) {
    }

    /** Horizontal bars, one row a label, longest bar = largest value. */
    static String horizontalBars(String id, List<Bar> bars, String color) {
        int row = 26;
        int labelWidth = 190;
        int width = 760;
        int height = Math.max(row * bars.size() + 10, 40);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder s = new StringBuilder();
        s.append(open(id, width, height));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * row;
            double w = max <= 0 ? 0 : (width - labelWidth - 110) * b.value() / max;
            s.append(text(labelWidth - 8, y + 17, "end", b.label(), "label"));
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"3\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"/>",
                    labelWidth, y + 3, w, color, Html.escape(b.label()), num(b.value())));
            s.append(text((int) (labelWidth + w + 6), y + 17, "start", b.shown(), "value"));
        }
        return s.append("</svg>").toString();
    }

    /** Vertical bars or a line over a sequence of periods, with the value above each point. */
    static String series(String id, List<Bar> values, boolean line, String color) {
        int width = 1100;
        int height = 260;
        int left = 20;
        int bottom = 40;
        int top = 28;
        int n = Math.max(values.size(), 1);
        double step = (double) (width - 2 * left) / n;
        double max = values.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder s = new StringBuilder(open(id, width, height));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#cbd5e0\"/>", left,
                height - bottom, width - left, height - bottom));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Bar p = values.get(i);
            double cx = left + step * (i + 0.5);
            double h = max <= 0 ? 0 : (height - bottom - top) * p.value() / max;
            double y = height - bottom - h;
            if (line) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", cx, y));
                s.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"/>", cx, y,
                        color, Html.escape(p.label()), num(p.value())));
            } else {
                s.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"/>",
                        cx - step * 0.35, y, step * 0.7, h, color, Html.escape(p.label()), num(p.value())));
            }
            s.append(text((int) cx, (int) y - 7, "middle", p.shown(), "value"));
            s.append(text((int) cx, height - bottom + 18, "middle", p.label(), "label"));
        }
        if (line && path.length() > 0) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2.5\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static String open(String id, int width, int height) {
        return String.format(Locale.ROOT,
                "<svg id=\"%s\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\">", Html.escape(id),
                width, height);
    }

    private static String text(int x, int y, String anchor, String content, String cls) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>", x, y,
                anchor, cls, Html.escape(content));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
