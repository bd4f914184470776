package dev.jvtpm.benchmarks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The performance gate: runs a short JMH pass over exactly the configurations the ratios in
 * {@code gate-ratios.txt} name, computes each ratio from scores measured in that same run, writes
 * {@code gate-report.json}, {@code gate-report.md} and {@code gate-report.png}, and exits 1 when a
 * ratio is below its minimum (or could not be measured). Not part of the tests: timing belongs here.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jvtpm.benchmarks.Gate [--ratios FILE] [--out DIR]</pre>
 */
public final class Gate {
    private Gate() {}

    /** One measured configuration: benchmark (Class.method), its parameters, ops/s and the 99.9% error. */
    record Measurement(String benchmark, Map<String, String> params, double score, double error) {}

    public static void main(String[] args) throws IOException, RunnerException {
        Path ratiosFile = null;
        Path out = Path.of("benchmarks", "target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ratios": ratiosFile = Path.of(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                default:
                    System.err.println("usage: Gate [--ratios FILE] [--out DIR]");
                    System.exit(2);
            }
        }
        List<GateRatio> ratios;
        try (Reader r = ratiosFile != null ? Files.newBufferedReader(ratiosFile)
                : new InputStreamReader(Gate.class.getResourceAsStream("/gate-ratios.txt"), StandardCharsets.UTF_8)) {
            ratios = GateRatio.read(r);
        }
        List<Measurement> measured = measure(ratios);
        List<GateReport.Outcome> outcomes = GateReport.evaluate(ratios, measured);
        Files.createDirectories(out);
        GateReport.write(outcomes, measured, out);
        System.out.print(GateReport.markdown(outcomes, measured));
        boolean pass = outcomes.stream().allMatch(GateReport.Outcome::pass);
        System.out.println(pass ? "gate: PASS" : "gate: FAIL");
        System.exit(pass ? 0 : 1);
    }

    /**
     * One JMH run per benchmark method, over the union of the parameter values its ratios name
     * (JMH measures the cross product; a few extra configurations cost less than extra runs).
     */
    static List<Measurement> measure(List<GateRatio> ratios) throws RunnerException {
        Map<String, Map<String, Set<String>>> plan = new LinkedHashMap<>();
        for (GateRatio g : ratios) {
            for (GateRatio.Config c : List.of(g.numerator(), g.denominator())) {
                Map<String, Set<String>> params = plan.computeIfAbsent(c.benchmark(), k -> new TreeMap<>());
                c.params().forEach((k, v) -> params.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
            }
        }
        List<Measurement> out = new ArrayList<>();
        for (var e : plan.entrySet()) {
            String fqn = Gate.class.getPackageName() + "." + e.getKey();
            ChainedOptionsBuilder o = new OptionsBuilder()
                    .include("^" + Pattern.quote(fqn) + "$")
                    .forks(1)
                    .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                    .shouldFailOnError(false);
            e.getValue().forEach((k, v) -> o.param(k, v.toArray(new String[0])));
            for (RunResult r : new Runner(o.build()).run()) {
                Map<String, String> params = new TreeMap<>();
                for (String k : r.getParams().getParamsKeys()) {
                    params.put(k, r.getParams().getParam(k));
                }
                out.add(new Measurement(e.getKey(), params, r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError()));
            }
        }
        return out;
    }
}
