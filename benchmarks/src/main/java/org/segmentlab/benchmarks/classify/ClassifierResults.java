package org.segmentlab.benchmarks.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Taxonomy;

/**
 * Turns a JMH JSON result file of {@link ClassifierBenchmark} ({@code -rf json -rff results.json}) into the
 * Markdown table of {@code benchmarks/README.md}: per taxonomy and size, the median over measurement iterations
 * of each benchmark, as ns/customer, customers/s, GB/s of feature bytes read (4 bytes per feature the taxonomy
 * uses, per customer; the classifier's 1-byte output is not counted), the classifier's fraction of the baseline's
 * bandwidth, and the two-thread speed-up.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.segmentlab.benchmarks.classify.ClassifierResults results.json}
 */
public final class ClassifierResults {

    private ClassifierResults() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassifierResults <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        // taxonomy -> customers -> benchmark method -> median ns/op
        Map<String, Map<Integer, Map<String, Double>>> medians = new TreeMap<>();
        for (JsonNode r : results) {
            String method = r.get("benchmark").asText().replaceAll(".*\\.", "");
            String taxonomy = r.get("params").get("taxonomy").asText();
            int customers = r.get("params").get("customers").asInt();
            JsonNode metric = r.get("primaryMetric");
            if (!"ns/op".equals(metric.get("scoreUnit").asText())) {
                throw new IllegalArgumentException("expected ns/op (the benchmark's mode), got " + metric.get("scoreUnit"));
            }
            double median = metric.get("scorePercentiles").get("50.0").asDouble();
            medians.computeIfAbsent(taxonomy, t -> new TreeMap<>()).computeIfAbsent(customers, c -> new TreeMap<>()).put(method, median);
        }
        System.out.println("| taxonomy | customers | feature bytes/customer | classifier 1 thread ns/customer | customers/s | GB/s | baseline 1 thread GB/s | fraction of baseline | classifier 2 threads ns/customer | 2 threads / 1 thread | baseline 2 threads GB/s |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var byTaxonomy : medians.entrySet()) {
            Taxonomy taxonomy = BuiltInTaxonomies.byName(byTaxonomy.getKey()).orElseThrow();
            int bytes = Float.BYTES * taxonomy.featuresUsed().size();
            for (var bySize : byTaxonomy.getValue().entrySet()) {
                int n = bySize.getKey();
                Map<String, Double> m = bySize.getValue();
                double one = m.getOrDefault("classify", Double.NaN);
                double two = m.getOrDefault("classifyTwoThreads", Double.NaN);
                double base = m.getOrDefault("baseline", Double.NaN);
                double baseTwo = m.getOrDefault("baselineTwoThreads", Double.NaN);
                System.out.println(String.format(Locale.ROOT,
                        "| %s | %,d | %d | %.3f | %s | %.1f | %.1f | %.0f%% | %.3f | %.2f× | %.1f |",
                        taxonomy.name(), n, bytes, one / n, rate(n / one * 1e9), gbps(bytes, n, one), gbps(bytes, n, base),
                        100 * base / one, two / n, one / two, gbps(bytes, n, baseTwo)));
            }
        }
    }

    private static double gbps(int bytesPerCustomer, int customers, double nanos) {
        return (double) bytesPerCustomer * customers / nanos;
    }

    private static String rate(double perSecond) {
        return perSecond >= 1e9 ? String.format(Locale.ROOT, "%.2f G", perSecond / 1e9)
                : String.format(Locale.ROOT, "%.0f M", perSecond / 1e6);
    }
}
