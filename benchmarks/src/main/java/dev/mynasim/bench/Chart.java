package dev.mynasim.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The chart of the medians: one panel per scenario, throughput as bars (left axis) and p99 latency as a line (right
 * axis) against concurrency, the target as a dashed line. Drawn with java.awt, headless, so no other tool is needed.
 */
final class Chart {

    private static final int PANEL_W = 420;
    private static final int PANEL_H = 300;
    private static final int COLUMNS = 3;
    private static final Color BAR = new Color(0x3b6ea5);
    private static final Color LINE = new Color(0xd1495b);
    private static final Color TARGET = new Color(0x2a9d5c);
    private static final Map<String, Double> RATE_TARGETS = Map.of("full", 150.0, "group-second", 400.0,
            "token", 800.0, "data", 2500.0);
    private static final Map<String, String> TITLES = Map.of(
            "full", "full: case 1 journey (pages, token, data)",
            "group", "group: case 2 journey (two services)",
            "group-second", "group: 2nd service authorize-to-code",
            "token", "token: code exchange",
            "data", "data: synchronous data call",
            "ping", "ping: trivial JAX-RS (ceiling)");

    private Chart() {
    }

    @SuppressWarnings("unchecked")
    static void draw(Map<String, Object> summary, String label, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> levels = (List<Map<String, Object>>) ((Map<String, Object>) summary.get("medians"))
                .get("levels");
        Map<String, List<Map<String, Object>>> byScenario = new LinkedHashMap<>();
        for (Map<String, Object> level : levels) {
            byScenario.computeIfAbsent((String) level.get("scenario"), s -> new ArrayList<>()).add(level);
        }
        int rows = (byScenario.size() + COLUMNS - 1) / COLUMNS;
        int width = PANEL_W * COLUMNS;
        int height = 60 + rows * PANEL_H + 30;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(label + ": throughput (bars, left axis) and p99 latency (line, right axis) against concurrency", 16, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("medians of " + ((Map<String, Object>) summary.get("settings")).get("runs") + " run(s); "
                + ((Map<String, Object>) summary.get("machine")).get("cores") + " cores, driver on the same machine; "
                + "dashed green: the throughput target; commit " + summary.get("commit"), 16, 48);
        int i = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : byScenario.entrySet()) {
            panel(g, (i % COLUMNS) * PANEL_W, 60 + (i / COLUMNS) * PANEL_H, e.getKey(), e.getValue());
            i++;
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, int y0, String scenario, List<Map<String, Object>> levels) {
        int left = x0 + 62;
        int right = x0 + PANEL_W - 58;
        int top = y0 + 34;
        int bottom = y0 + PANEL_H - 42;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(TITLES.getOrDefault(scenario, scenario), x0 + 14, y0 + 20);
        double maxRate = levels.stream().mapToDouble(l -> value(l.get("rate"))).max().orElse(1);
        Double target = RATE_TARGETS.get(scenario);
        if (target != null) {
            maxRate = Math.max(maxRate, target);
        }
        maxRate = nice(maxRate * 1.1);
        double maxP99 = nice(levels.stream().mapToDouble(l -> value(l.get("p99Ms"))).max().orElse(1) * 1.15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0xdddddd));
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            g.drawLine(left, y, right, y);
        }
        g.setColor(BAR);
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            String text = format(maxRate * t / 4);
            g.drawString(text, left - 6 - g.getFontMetrics().stringWidth(text), y + 4);
        }
        g.drawString("/s", left - 24, top - 8);
        g.setColor(LINE);
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            g.drawString(format(maxP99 * t / 4), right + 6, y + 4);
        }
        g.drawString("p99 ms", right + 4, top - 8);
        int n = levels.size();
        int slot = (right - left) / Math.max(1, n);
        int[] px = new int[n];
        int[] py = new int[n];
        for (int k = 0; k < n; k++) {
            Map<String, Object> l = levels.get(k);
            double rate = value(l.get("rate"));
            int cx = left + slot * k + slot / 2;
            int h = (int) Math.round((bottom - top) * rate / maxRate);
            g.setColor((Integer) l.get("validRuns") == 0 ? Color.GRAY : BAR);
            g.fillRect(cx - slot / 4, bottom - h, slot / 2, h);
            g.setColor(Color.BLACK);
            String label = format(rate);
            g.drawString(label, cx - g.getFontMetrics().stringWidth(label) / 2, bottom - h - 4);
            String c = "c=" + l.get("concurrency");
            g.drawString(c, cx - g.getFontMetrics().stringWidth(c) / 2, bottom + 15);
            if ((Integer) l.get("errors") > 0) {
                g.setColor(Color.RED);
                g.drawString(l.get("errors") + " errors", cx - 20, bottom + 29);
            }
            px[k] = cx;
            py[k] = bottom - (int) Math.round((bottom - top) * value(l.get("p99Ms")) / maxP99);
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(2.2f));
        g.drawPolyline(px, py, n);
        for (int k = 0; k < n; k++) {
            g.fillOval(px[k] - 4, py[k] - 4, 8, 8);
            String label = format(value(levels.get(k).get("p99Ms")));
            g.drawString(label, px[k] + 6, py[k] - 6);
        }
        if (target != null) {
            int y = bottom - (int) Math.round((bottom - top) * target / maxRate);
            g.setColor(TARGET);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 5}, 0));
            g.drawLine(left, y, right, y);
            g.drawString("target " + format(target), left + 4, y - 4);
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawLine(right, top, right, bottom);
    }

    private static double value(Object o) {
        return o == null ? 0 : (Double) o;
    }

    private static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
