package dev.jvtpm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's data handling: ratio lines, matching measured configurations, verdicts. No timing. */
class GateRatioTest {
    private static final String LINES = "# comment\n\n"
            + "aes | SymmetricBench.aesCfb1k[provider=chain] | SymmetricBench.aesCfb1k[provider=pure-java] | 2.0 | why\n"
            + "sign | EccBench.sign[provider=chain,curve=NIST_P256] | EccBench.sign[provider=pure-java,curve=NIST_P256] | 1.5 | why\n"
            + "loose | EccBench.sign[provider=chain] | EccBench.sign[provider=pure-java,curve=NIST_P256] | 1.0 | why\n"
            + "absent | EngineBench.createPrimary[cache=warm] | EngineBench.createPrimary[cache=cold] | 10 | later\n";

    @Test
    void parsesNamesConfigurationsAndMinimums() throws Exception {
        List<GateRatio> r = GateRatio.read(new StringReader(LINES));
        assertThat(r).hasSize(4);
        assertThat(r.get(1).numerator().benchmark()).isEqualTo("EccBench.sign");
        assertThat(r.get(1).numerator().params()).isEqualTo(Map.of("provider", "chain", "curve", "NIST_P256"));
        assertThat(r.get(1).numerator()).hasToString("EccBench.sign[curve=NIST_P256,provider=chain]");
        assertThat(r.get(1).minimum()).isEqualTo(1.5);
        assertThatThrownBy(() -> GateRatio.read(new StringReader("a | b | c | 1\n")))
                .hasMessageContaining("line 1");
    }

    @Test
    void verdictsComeFromScoresMeasuredTogether() throws Exception {
        List<GateRatio> r = GateRatio.read(new StringReader(LINES));
        List<Gate.Measurement> m = List.of(
                new Gate.Measurement("SymmetricBench.aesCfb1k", Map.of("provider", "chain"), 300, 1),
                new Gate.Measurement("SymmetricBench.aesCfb1k", Map.of("provider", "pure-java"), 100, 1),
                new Gate.Measurement("EccBench.sign", Map.of("provider", "chain", "curve", "NIST_P256"), 120, 1),
                new Gate.Measurement("EccBench.sign", Map.of("provider", "chain", "curve", "NIST_P384"), 50, 1),
                new Gate.Measurement("EccBench.sign", Map.of("provider", "pure-java", "curve", "NIST_P256"), 100, 1));
        List<GateReport.Outcome> o = GateReport.evaluate(r, m);
        assertThat(o.get(0).ratio()).isEqualTo(3.0);
        assertThat(o.get(0).pass()).isTrue();
        assertThat(o.get(1).ratio()).isEqualTo(1.2);
        assertThat(o.get(1).pass()).isFalse();
        assertThat(o.get(2).pass()).isFalse();
        assertThat(o.get(2).note()).startsWith("ambiguous");
        assertThat(o.get(3).pass()).isFalse();
        assertThat(o.get(3).note()).startsWith("not measured");
        assertThat(GateReport.json(o, m)).contains("\"pass\": false").contains("\"ratio\": 3.0000").contains("\"ratio\": null");
        assertThat(GateReport.markdown(o, m)).contains("| aes | SymmetricBench.aesCfb1k[provider=chain]: 300 |");
        assertThat(GateReport.chart(o).getHeight()).isGreaterThan(100);
    }

    @Test
    void theShippedRatiosParseAndNameOnlyExistingBenchmarks() throws Exception {
        List<GateRatio> r;
        try (var in = new InputStreamReader(Gate.class.getResourceAsStream("/gate-ratios.txt"), StandardCharsets.UTF_8)) {
            r = GateRatio.read(in);
        }
        assertThat(r).isNotEmpty();
        for (GateRatio g : r) {
            for (GateRatio.Config c : List.of(g.numerator(), g.denominator())) {
                String[] cm = c.benchmark().split("\\.");
                Class<?> cls = Class.forName("dev.jvtpm.benchmarks." + cm[0]);
                assertThat(cls.getMethod(cm[1])).as(c.toString()).isNotNull();
                for (String p : c.params().keySet()) {
                    assertThat(cls.getField(p)).as(c + " parameter " + p).isNotNull();
                }
            }
        }
    }
}
