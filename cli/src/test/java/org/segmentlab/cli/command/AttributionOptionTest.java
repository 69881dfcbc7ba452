package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attribution by treatment in the report folder: {@code run} and {@code compare} write attribution.csv and the
 * "What each treatment adds" section by default; {@code --no-attribution} skips the variant runs and leaves
 * metrics.csv byte for byte the same.
 */
class AttributionOptionTest {
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    private static String[] small(String verb, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(verb, FOUR_TYPES.toString(), "--out", out.toString(),
                "--set", "market.initialCustomers=2000", "--set", "market.potential=20000", "--months", "14",
                "--threads", "2", "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void runWritesAttributionAndNoAttributionLeavesMetricsIdentical(@TempDir Path dir) throws Exception {
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        Run a = Run.of(small("run", with));
        Run b = Run.of(small("run", without, "--no-attribution"));
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(Files.readAllBytes(with.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(without.resolve("metrics.csv")));

        List<String> csv = Files.readAllLines(with.resolve("attribution.csv"));
        assertThat(csv.get(0)).isEqualTo("strategy,segment,treatment,mean,low,high");
        // one replication: no interval, so low and high are empty fields
        assertThat(csv.subList(1, csv.size())).extracting(l -> l.substring(0, l.indexOf(",", "textbook,".length())))
                .containsExactly("textbook,negative", "textbook,loyal", "textbook,price-sensitive", "textbook,fence-sitter",
                        "textbook,interaction");
        assertThat(csv.get(1)).startsWith("textbook,negative,service-recovery,").endsWith(",,");
        assertThat(with.resolve("charts/attribution-textbook.png")).isRegularFile();
        String html = Files.readString(with.resolve("report.html"));
        assertThat(html).contains("<h2>What each treatment adds</h2>", "id=\"attribution-textbook\"", "price-campaign");

        assertThat(without.resolve("attribution.csv")).doesNotExist();
        assertThat(without.resolve("charts/attribution-textbook.png")).doesNotExist();
        assertThat(Files.readString(without.resolve("report.html"))).contains("<h2>What each treatment adds</h2>", "--no-attribution");
    }

    @Test
    void compareGivesIntervalsAndTheFlagIsDocumentedWithItsCost(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compare");
        Run r = Run.of(small("compare", out, "--replications", "3"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("attribution.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(1).split(",", -1)).hasSize(6).allSatisfy(field -> assertThat(field).isNotEmpty());

        Run help = Run.of(new String[] {"run", "--help"});
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--no-attribution", "one extra strategy run per treated segment");
    }
}
