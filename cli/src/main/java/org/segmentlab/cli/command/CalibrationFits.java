package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.segmentlab.reports.calibration.CalibrationReportInput;
import org.segmentlab.reports.calibration.ConditionalExpectation;
import org.segmentlab.reports.calibration.FittedModel;
import org.segmentlab.reports.calibration.FittedParameter;
import org.segmentlab.reports.calibration.HoldoutVerdict;
import org.segmentlab.reports.calibration.ListedFile;
import org.segmentlab.reports.calibration.RepeatHistogram;
import org.segmentlab.reports.calibration.SpendChart;
import org.segmentlab.reports.calibration.SpendDistribution;
import org.segmentlab.reports.calibration.SurvivalSeries;
import org.segmentlab.reports.calibration.TrackingSeries;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.ReadSummary;
import org.segmentlab.simulator.calibrate.fit.BgNbd;
import org.segmentlab.simulator.calibrate.fit.BgNbdFit;
import org.segmentlab.simulator.calibrate.fit.ConditionalExpectationCheck;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.FitResult;
import org.segmentlab.simulator.calibrate.fit.GammaGamma;
import org.segmentlab.simulator.calibrate.fit.GammaGammaFit;
import org.segmentlab.simulator.calibrate.fit.ShiftedBetaGeometric;
import org.segmentlab.simulator.calibrate.fit.ShiftedBetaGeometricFit;
import org.segmentlab.simulator.calibrate.fit.SurvivalCounts;
import org.segmentlab.simulator.calibrate.fit.TimeUnit;
import org.segmentlab.simulator.calibrate.fit.TrackingCurve;

/**
 * The three fits of {@code calibrate} and what the report shows to judge them: the repeat-purchase histogram, the
 * week-by-week tracking over calibration and holdout, conditional expectations by calibration frequency, cohort
 * survival (in months) and the spend density. Turns the simulator's fits into the reports module's records.
 */
final class CalibrationFits {

    /** Histogram and conditional-expectation groups: 0 … 6 and 7+, as Fader, Hardie and Lee chart them. */
    static final int GROUPS = 8;

    private final CustomerSummaries summaries;
    private final PurchaseHistory history;
    private final String currency;
    private final FitResult bgNbdFit;
    private final FitResult gammaGammaFit;
    private final FitResult sbgFit;
    private final SurvivalCounts survivalCounts;
    private final BgNbd bgNbd;
    private final GammaGamma gammaGamma;
    private final ShiftedBetaGeometric sbg;

    private CalibrationFits(PurchaseHistory history, CustomerSummaries summaries, String currency) {
        this.history = history;
        this.summaries = summaries;
        this.currency = currency;
        this.bgNbdFit = BgNbdFit.fit(summaries);
        this.bgNbd = BgNbdFit.model(bgNbdFit);
        this.gammaGammaFit = GammaGammaFit.fit(summaries);
        this.gammaGamma = GammaGammaFit.model(gammaGammaFit);
        SurvivalCounts counts = null;
        FitResult survival = null;
        try {
            counts = SurvivalCounts.fromHistory(history, summaries.calibrationEnd(), TimeUnit.MONTHS);
            survival = ShiftedBetaGeometricFit.fit(counts);
        } catch (IllegalArgumentException e) {
            // under two months of calibration, or nobody lost: no retention curve to fit; the report leaves it out
        }
        this.survivalCounts = counts;
        this.sbgFit = survival;
        this.sbg = survival == null ? null : ShiftedBetaGeometricFit.model(survival);
    }

    static CalibrationFits of(PurchaseHistory history, CustomerSummaries summaries, String currency) {
        return new CalibrationFits(history, summaries, currency);
    }

    BgNbd bgNbd() {
        return bgNbd;
    }

    GammaGamma gammaGamma() {
        return gammaGamma;
    }

    /** The report of a calibration whose folder holds only the report's own files. */
    CalibrationReportInput report(String source, String version) {
        return report(source, version, List.of(), null);
    }

    /** The report, listing the {@code files} written beside it and the {@code forwardCommand} that simulates on. */
    CalibrationReportInput report(String source, String version, List<ListedFile> files, String forwardCommand) {
        List<FittedModel> models = new ArrayList<>();
        models.add(model(bgNbdFit, "BG/NBD", "Repeat purchasing while active (Poisson, rates gamma(r, alpha) per "
                + unit() + ") and dropout after each purchase (probability beta(a, b))."));
        models.add(model(gammaGammaFit, "Gamma-Gamma", "Spend per repeat transaction: gamma(p, nu) with nu gamma(q, gamma)"
                + " across customers, independent of purchasing."));
        if (sbgFit != null) {
            models.add(model(sbgFit, "shifted-beta-geometric", "Monthly retention of the first month's cohort: churn"
                    + " probability beta(alpha, beta) across customers (observed-active survival, right-censored)."));
        }
        boolean holdout = summaries.holdoutLength() > 0;
        return new CalibrationReportInput(source + ": model calibration", source, summaries.calibrationEnd(), unit(),
                models, histogram(), holdout ? tracking() : null, holdout ? conditional() : null, survival(), spend(),
                version, holdout(), files, forwardCommand);
    }

    private String unit() {
        return summaries.unit().key().substring(0, summaries.unit().key().length() - 1);
    }

    private static FittedModel model(FitResult fit, String name, String description) {
        List<FittedParameter> parameters = fit.table().stream()
                .map(p -> new FittedParameter(p.name(), p.estimate(), p.standardError())).toList();
        return new FittedModel(name, description, parameters, fit.logLikelihood(), (int) fit.observations());
    }

    private static String[] groupLabels() {
        String[] labels = new String[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            labels[g] = g == GROUPS - 1 ? g + "+" : Integer.toString(g);
        }
        return labels;
    }

    /** Customers by calibration repeat purchases, observed vs Σ P(X(T_i) = x) over customers. */
    RepeatHistogram histogram() {
        org.segmentlab.simulator.calibrate.fit.RepeatHistogram h =
                org.segmentlab.simulator.calibrate.fit.RepeatHistogram.of(bgNbd, summaries, GROUPS - 1);
        return new RepeatHistogram(groupLabels(), Arrays.stream(h.observed()).asDoubleStream().toArray(), h.expected());
    }

    /** Repeat transactions per period since the first purchase: observed, and Σ E[X(t − s_i)] over customers. */
    TrackingSeries tracking() {
        TrackingCurve curve = TrackingCurve.of(bgNbd, summaries, history);
        LocalDate start = LocalDate.ofEpochDay(java.util.stream.IntStream.range(0, summaries.size())
                .map(summaries::firstEpochDay).min().orElseThrow());
        return TrackingSeries.ofIncremental(unit(), Arrays.stream(curve.observedIncremental()).asDoubleStream().toArray(),
                curve.expectedIncremental(), curve.calibrationPeriods(), start);
    }

    /** Mean holdout repeat transactions by calibration repeat purchases, observed vs E[Y(t) | x, t_x, T]. */
    ConditionalExpectation conditional() {
        List<ConditionalExpectationCheck.Row> rows = ConditionalExpectationCheck.of(bgNbd, summaries, GROUPS - 1);
        double[] observed = rows.stream().mapToDouble(ConditionalExpectationCheck.Row::observedMean).toArray();
        double[] expected = rows.stream().mapToDouble(ConditionalExpectationCheck.Row::expectedMean).toArray();
        int[] customers = rows.stream().mapToInt(r -> (int) r.customers()).toArray();
        return new ConditionalExpectation(groupLabels(), observed, expected, customers);
    }

    /** Observed-active survival of the first month's cohort and the sBG fit, projected as far again. */
    SurvivalSeries survival() {
        if (sbg == null) {
            return null;
        }
        int n = survivalCounts.periods();
        double[] period = new double[2 * n + 1];
        double[] fitted = new double[2 * n + 1];
        double[] observed = new double[n + 1];
        for (int k = 0; k <= 2 * n; k++) {
            period[k] = k;
            fitted[k] = sbg.survival(k);
            if (k <= n) {
                observed[k] = survivalCounts.alive(k) / (double) survivalCounts.cohortSize();
            }
        }
        return new SurvivalSeries("month", period, observed, fitted);
    }

    /** Observed mean repeat spend of repeat customers, and the Gamma-Gamma density mixed over their x. */
    SpendDistribution spend() {
        List<Double> values = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            if (GammaGamma.usable(summaries, i)) {
                values.add(summaries.meanRepeatSpend(i));
                counts.add(summaries.repeats(i));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        double[] observed = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = observed.clone();
        Arrays.sort(sorted);
        // the density must reach the chart's right edge (the 99th percentile rounded up to whole bars, at most twice
        // it): it once stopped at 1.1 × the 98th percentile, short of the last bars
        double top = SpendChart.axisHigh(sorted);
        if (!(top > 0)) {
            top = 1; // nobody spent anything: any positive axis will do
        }
        int points = 300;
        double[] grid = new double[points];
        double[] density = new double[points];
        for (int k = 0; k < points; k++) {
            grid[k] = top * (k + 1) / points;
            double sum = 0;
            for (int x : counts) {
                sum += Math.exp(gammaGamma.logDensity(grid[k], x));
            }
            density[k] = sum / counts.size();
        }
        return new SpendDistribution(observed, grid, density, currency);
    }

    /** The console summary: each model's parameters with standard errors, and the holdout check. */
    void printSummary(PrintWriter out, ReadSummary read) {
        CustomerSummaries s = summaries;
        out.printf(Locale.ROOT, "%s: %,d transactions, %,d customers; calibration to %s, holdout to %s (%s)%n",
                read.source(), history.transactionCount(), s.size(), s.calibrationEnd(), s.holdoutEnd(), s.unit().key());
        for (FitResult fit : sbgFit == null ? List.of(bgNbdFit, gammaGammaFit) : List.of(bgNbdFit, gammaGammaFit, sbgFit)) {
            out.printf(Locale.ROOT, "%n%-8s LL %.2f, n %,d, %d starts agree to %.1e%n", fit.model(), fit.logLikelihood(),
                    fit.observations(), fit.starts().size(), fit.startSpread());
            for (FitResult.Parameter p : fit.table()) {
                out.printf(Locale.ROOT, "  %-6s %10.4f  (SE %.4f)%n", p.name(), p.estimate(), p.standardError());
            }
        }
        HoldoutVerdict holdout = holdout();
        if (holdout != null) {
            out.printf(Locale.ROOT, "%nHoldout (%.1f %ss): %,d repeat transactions observed, %,.0f predicted (%+.1f%%)%n",
                    holdout.length(), holdout.unit(), holdout.observed(), holdout.predicted(), 100 * holdout.relativeError());
        }
    }

    /** Holdout repeat transactions, observed vs the BG/NBD's Σ E[Y(t) | x, t_x, T]; null without a holdout. */
    HoldoutVerdict holdout() {
        CustomerSummaries s = summaries;
        if (!(s.holdoutLength() > 0)) {
            return null;
        }
        double predicted = 0;
        for (int i = 0; i < s.size(); i++) {
            predicted += bgNbd.conditionalExpectedTransactions(s.holdoutLength(), s.repeats(i), s.lastPurchaseTime(i), s.age(i));
        }
        return new HoldoutVerdict(s.holdoutLength(), unit(), s.totalHoldoutRepeats(), predicted);
    }
}
