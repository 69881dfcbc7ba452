package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.simulator.calibrate.LogFeatures;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.fit.BgNbd;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.GammaGamma;
import org.segmentlab.simulator.csv.Csv;

/**
 * {@code summaries.csv} of {@code calibrate}: one row per customer with the customer-base summaries (x, t_x, T,
 * mean repeat spend, holdout repeats), what the fitted models say of them (P(alive), expected repeat purchases
 * over the next holdout-length, expected spend per purchase), and their observable features and segment as of the
 * calibration end — the view a consultant sorts to find whom to call.
 */
final class CustomerSummaryCsv {

    static final String FILE = "summaries.csv";

    private CustomerSummaryCsv() {
    }

    static void write(Path file, PurchaseHistory history, CustomerSummaries s, BgNbd bgNbd, GammaGamma spend,
                      Taxonomy taxonomy) throws IOException {
        LogFeatures features = LogFeatures.compute(history, s.calibrationEnd(), LogFeatures.DEFAULT_WINDOW_MONTHS);
        if (features.size() != s.size()) {
            throw new IllegalStateException("features for " + features.size() + " customers, summaries for " + s.size());
        }
        byte[] segments = new byte[features.size()];
        RuleTableClassifier.of(taxonomy).classify(features.table(), segments);
        List<String> names = taxonomy.segmentNames();
        List<String> ids = features.customers();
        FeatureTable table = features.table();
        // Over the holdout's length, or a year of the unit when there is no holdout.
        double horizon = s.holdoutLength() > 0 ? s.holdoutLength() : 365.25 / s.unit().days();
        String unit = s.unit().key();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            line.append("customer,x,t_x_").append(unit).append(",T_").append(unit)
                    .append(",mean_repeat_spend,holdout_repeats,p_alive,expected_repeats_next_")
                    .append(String.format(Locale.ROOT, "%.0f_", horizon)).append(unit)
                    .append(",expected_spend,segment");
            for (Feature f : Feature.all()) {
                line.append(',').append(f.key());
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < s.size(); i++) {
                String id = history.customer(s.historyRow(i));
                if (!id.equals(ids.get(i))) {
                    throw new IllegalStateException("row " + i + ": summaries for " + id + ", features for " + ids.get(i));
                }
                int x = s.repeats(i);
                double mean = x > 0 ? s.meanRepeatSpend(i) : 0;
                line.setLength(0);
                Csv.appendField(line, id);
                line.append(',').append(x)
                        .append(',').append(format(s.lastPurchaseTime(i)))
                        .append(',').append(format(s.age(i)))
                        .append(',').append(x > 0 ? format(mean) : "")
                        .append(',').append(s.holdoutRepeats(i))
                        .append(',').append(format(bgNbd.probabilityAlive(x, s.lastPurchaseTime(i), s.age(i))))
                        .append(',').append(format(bgNbd.conditionalExpectedTransactions(horizon, x, s.lastPurchaseTime(i), s.age(i))))
                        .append(',').append(format(spend.conditionalExpectedSpend(mean, x)))
                        .append(',');
                Csv.appendField(line, names.get(segments[i]));
                for (Feature f : Feature.all()) {
                    line.append(',').append(ClassifyCommand.number(table.get(f, i)));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** Trailing zeros of a fraction, and then a bare point: compiled once, as the file has a row per customer. */
    private static final Pattern TRAILING_ZEROS = Pattern.compile("(\\.\\d*?)0+($|e)");
    private static final Pattern BARE_POINT = Pattern.compile("\\.($|e)");

    private static String format(double v) {
        String text = String.format(Locale.ROOT, "%.6g", v);
        return BARE_POINT.matcher(TRAILING_ZEROS.matcher(text).replaceAll("$1$2")).replaceAll("$1");
    }
}
