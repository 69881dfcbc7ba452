package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.List;


import org.segmentlab.model.classify.ConfusionMatrix;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.scenario.Market;

/** Collects the metrics of one (strategy, replication), month by month, into the arrays of the result tables. */
final class RunRecorder {
    private final String strategy;
    private final int replication;
    private final int months;
    private final List<String> segments;
    private final boolean hasTruth;
    private final double discountRate;
    private final List<String> metricNames;
    /** [metric][month] */
    final double[][] values;
    private final double[][] lorenz;
    private final long[][][] transitions;
    private final long[][][] confusion;
    private final long[][] cohortActive;
    private final long[] cohortSize;
    private final double[] discountedMargin;
    private final long[] initialSegmentCounts;
    /** Per acquisition channel: discounted margin, customers, acquisition cost (over the run). */
    private final double[] channelMargin = new double[AcquisitionChannel.values().length];
    private final long[] channelCustomers = new long[AcquisitionChannel.values().length];
    private final double[] channelCost = new double[AcquisitionChannel.values().length];

    RunRecorder(String strategy, int replication, int months, List<String> segments, boolean hasTruth, double discountRate) {
        this.strategy = strategy;
        this.replication = replication;
        this.months = months;
        this.segments = segments;
        this.hasTruth = hasTruth;
        this.discountRate = discountRate;
        this.metricNames = metricNames(segments, hasTruth);
        int k = segments.size();
        values = new double[metricNames.size()][months + 1];
        lorenz = new double[months + 1][];
        transitions = new long[months + 1][k + 1][k + 1]; // index k: "new" (acquisitions) as an origin
        confusion = hasTruth ? new long[months + 1][k][k] : null;
        cohortActive = new long[months + 1][months + 1];
        cohortSize = new long[months + 1];
        discountedMargin = new double[k];
        initialSegmentCounts = new long[k];
    }

    /** The metric names of a run, in metrics.csv order: the fixed ones, segment counts, classifier scores. */
    static List<String> metricNames(List<String> segments, boolean hasTruth) {
        List<String> names = new ArrayList<>();
        for (Metric m : Metric.values()) {
            names.add(m.key());
        }
        for (String s : segments) {
            names.add(Metric.segmentKey(s));
        }
        if (hasTruth) {
            names.add(Metric.CLASSIFIER_ACCURACY);
            names.add(Metric.CLASSIFIER_MACRO_F1);
        }
        return names;
    }

    private void set(Metric m, int t, double v) {
        values[m.ordinal()][t] = v;
    }

    void recordStart(MarketState st, Tally a, Tally b, Tally d, RevenueRanking ranking, double womDamping) {
        set(Metric.ACTIVE, 0, b.active);
        set(Metric.ADOPTERS_CUMULATIVE, 0, st.adopters);
        set(Metric.RETENTION_INITIAL, 0, st.initialCount == 0 ? Double.NaN : (double) b.activeInitial / st.initialCount);
        recordWordOfMouth(a, 0);
        recordShared(0, b, d, ranking);
        set(Metric.REPUTATION, 0, st.reputation);
        set(Metric.WOM_DAMPING, 0, womDamping);
        cohortSize[0] = st.initialCount;
        channelCustomers[AcquisitionChannel.INITIAL.ordinal()] = st.initialCount;
        System.arraycopy(d.segmentCounts, 0, initialSegmentCounts, 0, initialSegmentCounts.length);
    }

    /**
     * A month's new customers by channel (ex-customers back by the market's channels or by a win-back offer) and the
     * damping factor of negative word of mouth they were acquired under.
     */
    record Acquired(long ads, long wom, long referral, long returnedByMarket, long returnedByOffer, double damping) {
        long total() {
            return ads + wom + referral + returnedByMarket + returnedByOffer;
        }
    }

    void recordMonth(MarketState st, int t, TreatmentTable plan, Tally a, Tally b, Tally d, Acquired acquired,
            RevenueRanking ranking, Market market, double grossMarginShare) {
        set(Metric.ACTIVE, t, b.active);
        set(Metric.ACQUIRED_ADS, t, acquired.ads());
        set(Metric.ACQUIRED_WOM, t, acquired.wom());
        set(Metric.ACQUIRED_REFERRAL, t, acquired.referral());
        set(Metric.ACQUIRED_WINBACK, t, acquired.returnedByMarket() + acquired.returnedByOffer());
        set(Metric.ACQUIRED_TOTAL, t, acquired.total());
        set(Metric.ADOPTERS_CUMULATIVE, t, st.adopters);
        set(Metric.CHURNED, t, b.churned);
        set(Metric.TERMINATED, t, a.terminated);
        set(Metric.RETENTION_INITIAL, t, st.initialCount == 0 ? Double.NaN : (double) b.activeInitial / st.initialCount);
        double grossMargin = grossMarginShare * a.grossSales + a.serviceFees;
        double treatmentCost = a.treatmentCost + plan.fixedCost + b.winBackCost;
        // Each channel's cost per customer; ex-customers the win-back offer brought back are paid by the offer.
        double[] costByChannel = new double[AcquisitionChannel.values().length];
        costByChannel[AcquisitionChannel.ADVERTISING.ordinal()] = acquired.ads() * market.acquisitionCost();
        costByChannel[AcquisitionChannel.IMITATION.ordinal()] = acquired.wom() * market.acquisitionCost();
        costByChannel[AcquisitionChannel.REFERRAL.ordinal()] = acquired.referral() * market.referralCost();
        costByChannel[AcquisitionChannel.WIN_BACK.ordinal()] = acquired.returnedByMarket() * market.acquisitionCost();
        double acquisitionCost = (acquired.ads() + acquired.wom()) * market.acquisitionCost();
        if (acquired.referral() > 0) {
            acquisitionCost += costByChannel[AcquisitionChannel.REFERRAL.ordinal()];
        }
        if (acquired.returnedByMarket() > 0) {
            acquisitionCost += costByChannel[AcquisitionChannel.WIN_BACK.ordinal()];
        }
        costByChannel[AcquisitionChannel.WIN_BACK.ordinal()] += b.winBackCost;
        double profit = grossMargin - a.discountCost - a.serviceCost - treatmentCost - acquisitionCost;
        if (plan.advertisingSpend > 0) {
            profit -= plan.advertisingSpend;
        }
        st.profitCumulative += profit;
        set(Metric.REVENUE, t, a.revenue);
        set(Metric.GROSS_MARGIN, t, grossMargin);
        set(Metric.DISCOUNT_COST, t, a.discountCost);
        set(Metric.SERVICE_COST, t, a.serviceCost);
        set(Metric.TREATMENT_COST, t, treatmentCost);
        set(Metric.ACQUISITION_COST, t, acquisitionCost);
        set(Metric.ADVERTISING_COST, t, plan.advertisingSpend);
        set(Metric.PROFIT, t, profit);
        set(Metric.PROFIT_CUMULATIVE, t, st.profitCumulative);
        set(Metric.COMPLAINTS, t, a.complaints);
        set(Metric.BAD_EXPERIENCES, t, a.badExperiences);
        set(Metric.PURCHASES, t, a.purchases);
        set(Metric.SERVICE_FEES, t, a.serviceFees);
        set(Metric.REPUTATION, t, st.reputation);
        set(Metric.WOM_DAMPING, t, acquired.damping());
        set(Metric.ACTIVE_ADS, t, b.activeByChannel[AcquisitionChannel.ADVERTISING.ordinal()]);
        set(Metric.ACTIVE_WOM, t, b.activeByChannel[AcquisitionChannel.IMITATION.ordinal()]);
        set(Metric.ACTIVE_REFERRAL, t, b.activeByChannel[AcquisitionChannel.REFERRAL.ordinal()]);
        set(Metric.ACTIVE_WINBACK, t, b.activeByChannel[AcquisitionChannel.WIN_BACK.ordinal()]);
        set(Metric.TREATMENT_FIXED_COST, t, plan.fixedCost);
        recordWordOfMouth(a, t);
        recordShared(t, b, d, ranking);
        cohortSize[t] = acquired.total();
        double discount = Math.pow(1 + discountRate, -t);
        for (int s = 0; s < discountedMargin.length; s++) {
            discountedMargin[s] += a.marginByInitialSegment[s] * discount;
        }
        for (int c = 0; c < channelMargin.length; c++) {
            channelMargin[c] += a.marginByChannel[c] * discount;
            channelCost[c] += costByChannel[c];
        }
        channelCustomers[AcquisitionChannel.ADVERTISING.ordinal()] += acquired.ads();
        channelCustomers[AcquisitionChannel.IMITATION.ordinal()] += acquired.wom();
        channelCustomers[AcquisitionChannel.REFERRAL.ordinal()] += acquired.referral();
        channelCustomers[AcquisitionChannel.WIN_BACK.ordinal()] += acquired.returnedByMarket() + acquired.returnedByOffer();
    }

    private void recordWordOfMouth(Tally a, int t) {
        set(Metric.PROMOTERS, t, a.promoters);
        set(Metric.DETRACTORS, t, a.detractors);
        set(Metric.REFERRALS, t, a.referrals);
        set(Metric.NET_WOM, t, a.evaluated == 0 ? Double.NaN : (double) (a.promoters - a.detractors) / a.evaluated);
        set(Metric.SATISFACTION_MEAN, t, a.evaluated == 0 ? Double.NaN : a.satisfaction / a.evaluated);
    }

    private void recordShared(int t, Tally b, Tally d, RevenueRanking ranking) {
        set(Metric.TOP20_SHARE, t, ranking.top20Share);
        set(Metric.GINI, t, ranking.gini);
        lorenz[t] = ranking.lorenz.clone();
        int k = segments.size();
        int base = Metric.values().length;
        for (int s = 0; s < k; s++) {
            values[base + s][t] = d.segmentCounts[s];
            for (int to = 0; to < k; to++) {
                transitions[t][s][to] = d.transitions[s * k + to];
                if (s == 0) {
                    transitions[t][k][to] = d.entries[to];
                }
                if (hasTruth) {
                    confusion[t][s][to] = d.confusion[s * k + to];
                }
            }
        }
        if (hasTruth) {
            ConfusionMatrix cm = ConfusionMatrix.ofCounts(segments, confusion[t]);
            values[base + k][t] = cm.accuracy();
            values[base + k + 1][t] = cm.macroF1();
        }
        for (int c = 0; c <= months; c++) {
            cohortActive[c][t] = b.cohortActive[c];
        }
    }

    RunDetail detail() {
        double[] lifetimeValue = new double[discountedMargin.length];
        for (int s = 0; s < lifetimeValue.length; s++) {
            lifetimeValue[s] = initialSegmentCounts[s] == 0 ? Double.NaN : discountedMargin[s] / initialSegmentCounts[s];
        }
        int channels = channelCustomers.length;
        double[] channelValue = new double[channels];
        double[] channelCostEach = new double[channels];
        for (int c = 0; c < channels; c++) {
            channelValue[c] = channelCustomers[c] == 0 ? Double.NaN : channelMargin[c] / channelCustomers[c];
            channelCostEach[c] = channelCustomers[c] == 0 ? Double.NaN : channelCost[c] / channelCustomers[c];
        }
        return new RunDetail(strategy, replication, lorenz, transitions, confusion, cohortActive, cohortSize,
                lifetimeValue, initialSegmentCounts.clone(), channelCustomers.clone(), channelValue, channelCostEach);
    }

    List<String> metricNames() {
        return metricNames;
    }
}
