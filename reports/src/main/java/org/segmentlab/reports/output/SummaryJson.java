package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.LifetimeValueTable;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.PairedDifferences;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * {@code summary.json}: the scenario's name, seed and SegmentLab version; its {@code source} (scenario, seed,
 * replications, version and every override as {@code path=value}, with the line the charts carry); per strategy the key figures at the
 * last month (mean and 95% interval over replications) and the paired differences to the baseline; lifetime
 * value per segment; per acquisition channel the customers (mean per replication), lifetime value, acquisition cost
 * and net value per customer ({@code lifetimeValueByChannel}); classifier scores when the scenario has a truth.
 * Non-finite numbers are written as null.
 */
final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SummaryJson() {
    }

    /** Writes the summary; the caller closes {@code out}. */
    public static void write(ReportInput input, OutputStream out) throws IOException {
        MAPPER.writeValue(out, tree(input));
    }

    /** The summary as a JSON tree. */
    public static ObjectNode tree(ReportInput input) {
        RunResult result = input.result();
        MetricsTable table = result.metrics();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", result.scenarioName());
        root.put("description", input.description());
        root.put("seed", result.seed());
        root.put("version", input.version());
        root.put("currency", result.currency());
        root.put("months", table.months());
        root.put("replications", table.replications());
        root.put("baseline", table.strategies().get(0));
        root.put("intervalLevel", MeanInterval.LEVEL);
        source(root.putObject("source"), input.source());

        ArrayNode strategies = root.putArray("strategies");
        boolean classifier = table.metrics().contains(Metric.CLASSIFIER_ACCURACY) && result.hasTruth();
        for (StrategyFigures figures : StrategyFigures.of(table)) {
            ObjectNode s = strategies.addObject();
            s.put("name", figures.strategy());
            s.put("baseline", figures.baseline());
            ObjectNode finals = s.putObject("final");
            for (KeyFigure figure : KeyFigure.values()) {
                interval(finals.putObject(figure.jsonName()), figures.finalValue(figure));
            }
            if (!figures.baseline()) {
                ObjectNode differences = s.putObject("differenceToBaseline");
                for (KeyFigure figure : KeyFigure.values()) {
                    figures.difference(figure).ifPresent(d -> difference(differences.putObject(figure.jsonName()), d));
                }
            }
            if (classifier) {
                ObjectNode scores = s.putObject("classifier");
                interval(scores.putObject("accuracy"),
                        MeanInterval.of(table.finalValues(figures.strategy(), Metric.CLASSIFIER_ACCURACY)));
                if (table.metrics().contains(Metric.CLASSIFIER_MACRO_F1)) {
                    interval(scores.putObject("macroF1"),
                            MeanInterval.of(table.finalValues(figures.strategy(), Metric.CLASSIFIER_MACRO_F1)));
                }
            }
        }

        ArrayNode differences = root.putArray("pairedDifferences");
        for (PairedDifference d : PairedDifferences.of(table)) {
            ObjectNode node = differences.addObject();
            node.put("strategy", d.strategy());
            node.put("metric", d.metric());
            difference(node, d);
        }

        LifetimeValueTable ltv = LifetimeValueTable.of(result);
        ArrayNode segments = root.putArray("segmentLifetimeValues");
        List<String> names = ltv.segments();
        for (int g = 0; g < names.size(); g++) {
            ObjectNode node = segments.addObject();
            node.put("segment", names.get(g));
            ObjectNode values = node.putObject("lifetimeValue");
            ObjectNode customers = node.putObject("initialCustomers");
            for (int s = 0; s < ltv.strategies().size(); s++) {
                number(values, ltv.strategies().get(s), ltv.value(s, g));
                number(customers, ltv.strategies().get(s), ltv.initialCustomers(s, g));
            }
        }

        ArrayNode channels = root.putArray("lifetimeValueByChannel");
        for (AcquisitionChannel channel : ltv.channels()) {
            ObjectNode node = channels.addObject();
            node.put("channel", channel.label());
            ObjectNode customers = node.putObject("customers");
            ObjectNode values = node.putObject("lifetimeValue");
            ObjectNode costs = node.putObject("acquisitionCost");
            ObjectNode net = node.putObject("netValue");
            for (int s = 0; s < ltv.strategies().size(); s++) {
                String strategy = ltv.strategies().get(s);
                number(customers, strategy, ltv.channelCustomers(s, channel));
                number(values, strategy, ltv.channelValue(s, channel));
                number(costs, strategy, ltv.channelCost(s, channel));
                number(net, strategy, ltv.channelNetValue(s, channel));
            }
        }
        return root;
    }

    /** Where the numbers came from, as the charts' source line says it; {@code overrides} empty when run as written. */
    private static void source(ObjectNode node, RunSource source) {
        node.put("scenario", source.scenario());
        node.put("seed", source.seed());
        node.put("replications", source.replications());
        node.put("version", source.version());
        node.put("modified", source.modified());
        ArrayNode overrides = node.putArray("overrides");
        source.overrides().forEach(overrides::add);
        node.put("line", source.line());
    }

    private static void interval(ObjectNode node, MeanInterval interval) {
        number(node, "mean", interval.mean());
        number(node, "low", interval.low());
        number(node, "high", interval.high());
        node.put("n", interval.n());
    }

    private static void difference(ObjectNode node, PairedDifference d) {
        number(node, "mean", d.mean());
        number(node, "low", d.low());
        number(node, "high", d.high());
        node.put("replications", d.replications());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
