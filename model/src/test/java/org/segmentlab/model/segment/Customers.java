package org.segmentlab.model.segment;

import java.util.Arrays;

import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;

/** Test customers as feature rows, and the segment a taxonomy gives them (checked on every classifier path). */
final class Customers {

    private Customers() {
    }

    /**
     * An unremarkable customer: buys a couple of times a year mostly at full price, mildly satisfied, never
     * complains or refers, middle of the value ranking, profitable. A fence-sitter, a regular and in circle 3.
     */
    static Row typical() {
        return new Row()
                .with(Feature.RECENCY, 2)
                .with(Feature.FREQUENCY, 2)
                .with(Feature.MONETARY, 120)
                .with(Feature.DISCOUNT_SHARE, 0.1)
                .with(Feature.SATISFACTION, 0.55)
                .with(Feature.COMPLAINTS, 0)
                .with(Feature.REFERRALS, 0)
                .with(Feature.COST_TO_SERVE, 12)
                .with(Feature.MARGIN, 30)
                .with(Feature.TENURE, 24)
                .with(Feature.VALUE_RANK, 0.4)
                .with(Feature.PROMO_LIFT, 1.1)
                .with(Feature.SERVICE_TO_MARGIN, 0.2);
    }

    /** A customer's features; values are rounded to float as the feature columns hold them. */
    static final class Row {
        private final float[] values = new float[Feature.all().size()];

        Row with(Feature feature, double value) {
            values[feature.ordinal()] = (float) value;
            return this;
        }

        float[] values() {
            return values.clone();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            for (Feature f : Feature.all()) {
                sb.append(sb.length() > 1 ? ", " : "").append(f.key()).append('=').append(values[f.ordinal()]);
            }
            return sb.append('}').toString();
        }
    }

    /**
     * The name of the segment the taxonomy gives this customer. The reference path, the compiled classifier's
     * per-customer path and its columnar path must all agree, so the documented examples hold for all three.
     */
    static String segmentOf(Taxonomy taxonomy, Row customer) {
        int reference = taxonomy.classify(customer.values());
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        int compiled = classifier.classify(customer.values());
        FeatureTable table = FeatureTable.ofSize(1);
        for (Feature f : Feature.all()) {
            table.set(f, 0, customer.values[f.ordinal()]);
        }
        byte[] out = new byte[1];
        classifier.classify(table, out);
        if (compiled != reference || out[0] != reference) {
            throw new AssertionError("classifier paths disagree for " + customer + ": taxonomy " + reference
                    + ", per-customer " + compiled + ", columnar " + out[0] + " " + Arrays.toString(out));
        }
        return taxonomy.segments().get(reference).name();
    }
}
