package dev.autopilot.reporting.dashboard;

import dev.autopilot.reporting.measure.Measures;
import dev.autopilot.reporting.slo.SloView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's charts as inline SVG: drawn on the server, so the page needs no script to show them. Every
 * chart has a title and its figures as text as well.
 */
public final class SvgCharts {

    static final String[] COLOURS = {"#0969da", "#bf3989", "#1a7f37", "#9a6700", "#8250df"};
    private static final int WIDTH = 560;

    private SvgCharts() {
    }

    /**
     * One bar per objective and window: the attainment, on a scale that starts five error budgets below the
     * target (so 99.5 % is readable), with the target marked.
     */
    public static String attainment(List<SloView> slos) {
        List<String[]> bars = new ArrayList<>();
        for (SloView slo : slos) {
            for (SloView.Window window : slo.windows()) {
                bars.add(new String[] {slo.name() + " " + window.window(), number(slo.target()),
                        window.attainment() == null ? null : number(window.attainment())});
            }
        }
        int rowHeight = 26;
        int height = Math.max(1, bars.size()) * rowHeight + 20;
        StringBuilder svg = open("SLO attainment against target", height);
        int left = 170;
        int barWidth = WIDTH - left - 70;
        for (int i = 0; i < bars.size(); i++) {
            String[] bar = bars.get(i);
            double target = Double.parseDouble(bar[1]);
            double floor = Math.max(0, target - 5 * (100 - target));
            int y = 10 + i * rowHeight;
            svg.append(text(4, y + 16, bar[0], "start"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#eaeef2\"/>",
                    left, y + 3, barWidth));
            if (bar[2] == null) {
                svg.append(text(left + 6, y + 16, "no data", "start"));
            } else {
                double value = Double.parseDouble(bar[2]);
                double share = Math.max(0, Math.min(1, (value - floor) / (100 - floor)));
                String colour = value >= target ? "#1a7f37" : "#cf222e";
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", left, y + 3,
                        share * barWidth, colour));
                svg.append(text(left + barWidth + 6, y + 16, String.format(Locale.ROOT, "%.2f%%", value), "start"));
            }
            double targetX = left + (target - floor) / (100 - floor) * barWidth;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1f24\" stroke-width=\"2\"/>",
                    targetX, y, targetX, y + 22));
        }
        return svg.append("</svg>").toString();
    }

    /** The error budget left over the longest window, day by day, one line per objective (100 % to overspent). */
    public static String budget(List<SloView> slos) {
        List<String> names = new ArrayList<>();
        List<List<Double>> series = new ArrayList<>();
        for (SloView slo : slos) {
            if (!slo.windows().isEmpty()) {
                names.add(slo.name() + " (" + slo.windows().get(slo.windows().size() - 1).window() + ")");
                series.add(slo.windows().get(slo.windows().size() - 1).burndown());
            }
        }
        return lines("Error budget left (%)", names, series, -100, 100, "%");
    }

    /** MTTA and MTTR by period, in minutes. */
    public static String trend(List<Measures.Group> periods) {
        List<Double> mtta = new ArrayList<>();
        List<Double> mttr = new ArrayList<>();
        double top = 1;
        for (Measures.Group period : periods) {
            mtta.add(period.mttaSeconds() == null ? null : period.mttaSeconds() / 60);
            mttr.add(period.mttrSeconds() == null ? null : period.mttrSeconds() / 60);
            top = Math.max(top, Math.max(period.mttaSeconds() == null ? 0 : period.mttaSeconds() / 60,
                    period.mttrSeconds() == null ? 0 : period.mttrSeconds() / 60));
        }
        return lines("MTTA and MTTR by week (minutes)", List.of("MTTA", "MTTR"), List.of(mtta, mttr), 0,
                Math.ceil(top * 1.1), " min");
    }

    /** A line chart: each series spread over the width; values clamped to [low, high]; gaps where null. */
    static String lines(String title, List<String> names, List<List<Double>> series, double low, double high,
            String unit) {
        int height = 200;
        int left = 44;
        int top = 10;
        int plotHeight = 140;
        int plotWidth = WIDTH - left - 10;
        StringBuilder svg = open(title, height + 16 * ((names.size() + 1) / 2));
        for (double tick : new double[] {low, (low + high) / 2, high}) {
            double y = top + plotHeight - (tick - low) / (high - low) * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d7de\"/>", left, y, left + plotWidth, y));
            svg.append(text(left - 4, (int) y + 4, number(tick) + unit.strip(), "end"));
        }
        boolean any = false;
        for (int s = 0; s < series.size(); s++) {
            List<Double> points = series.get(s);
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Double value = points.get(i);
                if (value == null) {
                    continue;
                }
                double x = left + (points.size() == 1 ? plotWidth : (double) i / (points.size() - 1) * plotWidth);
                double clamped = Math.max(low, Math.min(high, value));
                double y = top + plotHeight - (clamped - low) / (high - low) * plotHeight;
                path.append(path.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                any = true;
            }
            if (path.length() > 0) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
                        .append("\" points=\"").append(path).append("\"/>");
            }
            int legendY = top + plotHeight + 30 + 16 * (s / 2);
            int legendX = left + (s % 2) * (plotWidth / 2);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    legendX, legendY - 9, COLOURS[s % COLOURS.length]));
            svg.append(text(legendX + 14, legendY, names.get(s), "start"));
        }
        if (!any) {
            svg.append(text(left + plotWidth / 2, top + plotHeight / 2, "no data yet", "middle"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\""
                + anchor + "\" fill=\"#1b1f24\">" + escape(text) + "</text>";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Text safe inside SVG (XML) content and attributes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
