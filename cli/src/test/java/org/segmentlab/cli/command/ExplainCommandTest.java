package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.scenario.Mechanism;

/**
 * {@code segmentlab explain} as a user meets it: on the shipped service-recovery scenario (3 000 customers, 4
 * replications) it prints the share of the strategy's advantage that word of mouth carries and writes explain.csv and
 * the chart; a bad --only is bad input that names the allowed keys and writes nothing.
 */
class ExplainCommandTest {

    private static final Path SERVICE_RECOVERY = Path.of("..", "scenarios", "service-recovery.yaml");

    private static String[] small(String... more) {
        List<String> args = new ArrayList<>(List.of("explain", SERVICE_RECOVERY.toString(),
                "--set", "market.initialCustomers=3000", "--set", "market.potential=25000", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void printsTheShareWordOfMouthCarriesAndWritesTheTableAndChart(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("explain");
        Run r = Run.of(small("-r", "4", "--out", out.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        String wom = r.out().lines().filter(l -> l.startsWith("service-recovery") && l.contains("word of mouth")
                && !l.contains("negative")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertThat(wom).matches(".*\\d+% +\\[-?\\d+%, -?\\d+%\\].*");
        assertThat(r.out()).contains("Shares need not add up to 100%: mechanisms interact.", "Table: ", "Chart: ");
        List<String> csv = Files.readAllLines(out.resolve("explain.csv"));
        assertThat(csv.get(0)).isEqualTo("strategy,mechanism,advantage,advantage_off,carried,carried_low,carried_high");
        String womRow = csv.stream().filter(l -> l.startsWith("service-recovery,wordOfMouth,")).findFirst().orElseThrow();
        String[] f = womRow.split(",", -1);
        assertThat(f).hasSize(7);
        double carried = Double.parseDouble(f[4]);
        assertThat(Double.parseDouble(f[5])).isLessThanOrEqualTo(carried);
        assertThat(Double.parseDouble(f[6])).isGreaterThanOrEqualTo(carried);
        // Word of mouth spreads what service recovery repairs: it carries a real part of the advantage.
        assertThat(Double.parseDouble(f[2])).isPositive();
        assertThat(carried).isGreaterThan(0.2);
        // Mechanisms the scenario does not use are not run.
        assertThat(csv).noneMatch(l -> l.contains(",tenure,") || l.contains(",events,") || l.contains(",promotions,"));
        assertThat(out.resolve("explain.png")).isRegularFile();
        assertThat(out.resolve("explain.svg")).isRegularFile();
    }

    @Test
    void onlyRunsTheNamedMechanisms(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("only");
        Run r = Run.of(small("--only", "wordOfMouth,tenure", "--months", "12", "-q", "--out", out.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("--only tenure: the scenario does not use it; skipped");
        // One replication (the scenario's): no interval, written as empty fields.
        assertThat(Files.readAllLines(out.resolve("explain.csv"))).hasSize(2).last().asString()
                .startsWith("service-recovery,wordOfMouth,").endsWith(",,");
    }

    @Test
    void anUnknownMechanismIsBadInputNamingTheAllowedOnes(@TempDir Path dir) {
        Path out = dir.resolve("bad");
        Run r = Run.of(small("--only", "wordOfMouth,wom", "--out", out.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--only: unknown mechanism 'wom'; allowed: " + Mechanism.allowedKeys())
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
        Run switchTypo = Run.of(small("--set", "mechanisms.wordOfMuth=off", "--out", out.toString()));
        assertThat(switchTypo.exit()).isEqualTo(2);
        assertThat(switchTypo.err()).contains("did you mean 'wordOfMouth'?");
        assertThat(out).doesNotExist();
    }
}
