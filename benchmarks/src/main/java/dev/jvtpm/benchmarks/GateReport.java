package dev.jvtpm.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Turns gate measurements into verdicts and writes them as JSON, Markdown and a PNG chart. */
final class GateReport {
    private GateReport() {}

    /** A ratio's verdict; {@code ratio} is NaN when a side was not measured (which fails the gate). */
    record Outcome(GateRatio gate, double numerator, double denominator, double ratio, boolean pass, String note) {}

    static List<Outcome> evaluate(List<GateRatio> ratios, List<Gate.Measurement> measured) {
        List<Outcome> out = new ArrayList<>();
        for (GateRatio g : ratios) {
            List<Gate.Measurement> num = matching(g.numerator(), measured);
            List<Gate.Measurement> den = matching(g.denominator(), measured);
            if (num.size() != 1 || den.size() != 1) {
                String why = num.isEmpty() || den.isEmpty() ? "not measured (benchmark failed or unavailable here)"
                        : "ambiguous: name every parameter that has several values";
                out.add(new Outcome(g, Double.NaN, Double.NaN, Double.NaN, false, why));
                continue;
            }
            double n = num.get(0).score();
            double d = den.get(0).score();
            double ratio = n / d;
            boolean pass = ratio >= g.minimum();
            out.add(new Outcome(g, n, d, ratio, pass, pass ? "" : "below minimum"));
        }
        return out;
    }

    private static List<Gate.Measurement> matching(GateRatio.Config c, List<Gate.Measurement> measured) {
        List<Gate.Measurement> m = new ArrayList<>();
        for (Gate.Measurement x : measured) {
            if (c.matches(x.benchmark(), x.params())) {
                m.add(x);
            }
        }
        return m;
    }

    static void write(List<Outcome> outcomes, List<Gate.Measurement> measured, Path dir) throws IOException {
        Files.writeString(dir.resolve("gate-report.json"), json(outcomes, measured), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gate-report.md"), markdown(outcomes, measured), StandardCharsets.UTF_8);
        ImageIO.write(chart(outcomes), "png", dir.resolve("gate-report.png").toFile());
    }

    static String markdown(List<Outcome> outcomes, List<Gate.Measurement> measured) {
        StringBuilder sb = new StringBuilder("# jvtpm performance gate\n\n");
        sb.append(String.format(Locale.ROOT, "%s, %s %s, %d CPUs\n\n", Instant.now(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors()));
        sb.append("| ratio | numerator (ops/s) | denominator (ops/s) | measured | minimum | verdict |\n");
        sb.append("|---|---|---|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            sb.append(String.format(Locale.ROOT, "| %s | %s: %s | %s: %s | %s | %.2f | %s |\n", o.gate().name(),
                    o.gate().numerator(), ops(o.numerator()), o.gate().denominator(), ops(o.denominator()),
                    Double.isNaN(o.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", o.ratio()), o.gate().minimum(),
                    o.pass() ? "pass" : "**FAIL** " + o.note()));
        }
        sb.append("\n## All measurements\n\n| benchmark | parameters | ops/s | ± (99.9%) |\n|---|---|---:|---:|\n");
        for (Gate.Measurement m : measured) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |\n", m.benchmark(), m.params(), ops(m.score()),
                    ops(m.error())));
        }
        return sb.toString();
    }

    private static String ops(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String json(List<Outcome> outcomes, List<Gate.Measurement> measured) {
        StringBuilder sb = new StringBuilder("{\n  \"jvm\": ").append(str(System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"))).append(",\n  \"cpus\": ")
                .append(Runtime.getRuntime().availableProcessors()).append(",\n  \"time\": ").append(str(Instant.now().toString()))
                .append(",\n  \"pass\": ").append(outcomes.stream().allMatch(Outcome::pass)).append(",\n  \"ratios\": [\n");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            sb.append("    {\"name\": ").append(str(o.gate().name()))
                    .append(", \"numerator\": ").append(str(o.gate().numerator().toString()))
                    .append(", \"denominator\": ").append(str(o.gate().denominator().toString()))
                    .append(", \"numeratorOpsPerSecond\": ").append(num(o.numerator()))
                    .append(", \"denominatorOpsPerSecond\": ").append(num(o.denominator()))
                    .append(", \"ratio\": ").append(num(o.ratio()))
                    .append(", \"minimum\": ").append(num(o.gate().minimum()))
                    .append(", \"pass\": ").append(o.pass())
                    .append(", \"protects\": ").append(str(o.gate().protects()))
                    .append(", \"note\": ").append(str(o.note())).append('}')
                    .append(i + 1 < outcomes.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"measurements\": [\n");
        for (int i = 0; i < measured.size(); i++) {
            Gate.Measurement m = measured.get(i);
            sb.append("    {\"benchmark\": ").append(str(m.benchmark())).append(", \"params\": {");
            int j = 0;
            for (var e : m.params().entrySet()) {
                sb.append(j++ > 0 ? ", " : "").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            }
            sb.append("}, \"opsPerSecond\": ").append(num(m.score())).append(", \"error\": ").append(num(m.error()))
                    .append('}').append(i + 1 < measured.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Horizontal bars of measured ratios on a log scale from 1/4, each with its minimum marked. */
    static BufferedImage chart(List<Outcome> outcomes) {
        int rowH = 28;
        int left = 230;
        int width = 900;
        int height = 60 + rowH * Math.max(1, outcomes.size());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double floor = 0.25;
        double max = 2;
        for (Outcome o : outcomes) {
            max = Math.max(max, Double.isNaN(o.ratio()) ? o.gate().minimum() : Math.max(o.ratio(), o.gate().minimum()));
        }
        double span = Math.log10(max * 1.5) - Math.log10(floor);
        int plot = width - left - 80;
        java.util.function.DoubleToIntFunction x = r ->
                left + (int) (plot * (Math.log10(Math.max(floor, r)) - Math.log10(floor)) / span);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString("numerator / denominator, log scale (grey line = 1x, black tick = gate minimum)", 10, 20);
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(x.applyAsInt(1), 32, x.applyAsInt(1), height - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            int y = 40 + i * rowH;
            g.setColor(Color.BLACK);
            g.drawString(o.gate().name(), 10, y + 16);
            int end = Double.isNaN(o.ratio()) ? left : x.applyAsInt(o.ratio());
            g.setColor(o.pass() ? new Color(0x4caf50) : new Color(0xe53935));
            g.fillRect(left, y + 4, Math.max(2, end - left), rowH - 10);
            g.setColor(Color.BLACK);
            int mx = x.applyAsInt(o.gate().minimum());
            g.setStroke(new BasicStroke(3));
            g.drawLine(mx, y + 1, mx, y + rowH - 3);
            g.drawString(Double.isNaN(o.ratio()) ? "not measured" : String.format(Locale.ROOT, "%.2fx", o.ratio()),
                    Math.max(end, mx) + 6, y + 16);
        }
        g.dispose();
        return img;
    }
}
