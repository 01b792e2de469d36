package org.viche.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn on the server as inline SVG, so results read the same with no
 * JavaScript and no request to any other host. Geometry is computed here and the template only
 * copies numbers; the chart is decoration for sighted readers, the table beside it carries the
 * figures (the SVG's {@code <title>} says so).
 *
 * <p>Drawn in a 320-unit-wide box: at a 360&nbsp;px phone width one unit is about one pixel,
 * so 13-unit labels stay readable. Labels sit above their bar and wrap, because SVG text does not.
 */
public record BarChart(String id, String title, String caption, String intervalNote, int height, List<Bar> bars) {

    static final int WIDTH = 320;
    static final int TRACK = 232;
    static final int VALUE_X = 240;
    static final int LINE = 16;
    static final int BAR = 14;
    static final int GAP = 14;
    static final int WRAP = 40;

    /** One option: its (wrapped) label, the bar, the interval whisker, and the value written beside it. */
    public record Bar(List<Line> label, int barY, String width, int valueY, String value, String interval) {
    }

    public record Line(int y, String text) {
    }

    /** What to draw for one option: a share in [0, 1], an optional 95% interval, and its formatted value. */
    record Input(String label, Double share, double[] interval, String value) {
    }

    /**
     * {@code caption}: what the bars show and how many answered, visible under the chart;
     * {@code intervalNote}: what the whiskers mean, or null when no bar has one.
     */
    static BarChart of(String id, String title, String caption, String intervalNote, List<Input> inputs) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Input input : inputs) {
            List<Line> lines = new ArrayList<>();
            for (String text : wrap(input.label(), WRAP)) {
                y += LINE;
                lines.add(new Line(y - 3, text));
            }
            int barY = y + 2;
            double share = input.share() == null ? 0 : clamp(input.share());
            bars.add(new Bar(lines, barY, number(share * TRACK), barY + BAR - 3, input.value(),
                    whisker(input.interval(), barY + BAR / 2.0)));
            y = barY + BAR + GAP;
        }
        return new BarChart(id, title, caption, intervalNote, Math.max(y - GAP + 2, 1), bars);
    }

    /** An SVG path for the interval: a line from low to high with a short tick at each end. */
    private static String whisker(double[] interval, double middle) {
        if (interval == null || interval.length != 2) {
            return null;
        }
        String low = number(clamp(interval[0]) * TRACK);
        String high = number(clamp(interval[1]) * TRACK);
        String top = number(middle - 5);
        String mid = number(middle);
        return "M" + low + " " + mid + "H" + high + "M" + low + " " + top + "v10M" + high + " " + top + "v10";
    }

    /** Greedy word wrap; a single over-long word keeps its own line rather than being cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** SVG coordinates are written with a dot whatever the page language. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
