package org.segmentlab.reports.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;

/**
 * Realistic synthetic calibration inputs shaped like the CDNOW sample (2,357 customers who first bought in the
 * first 12 weeks of 1997, 39 calibration and 39 holdout weeks) with the published BG/NBD and Gamma-Gamma estimates
 * for it, and the "regular" cohort of the sBG papers (1,000 customers, 7 years observed). Fixed seeds.
 */
final class CalibrationFixtures {
    static final int CUSTOMERS = 2357;
    static final int WEEKS = 78;
    static final int CALIBRATION_WEEKS = 39;
    static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7+"};
    static final double[] OBSERVED = {1411, 439, 214, 100, 62, 38, 29, 64};
    static final double[] EXPECTED = {1423.8, 413.4, 209.6, 117.9, 70.4, 43.5, 27.6, 50.8};
    static final double[] SURVIVED = {1, 0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241};
    static final double GG_P = 6.2484;
    static final double GG_Q = 3.7443;
    static final double GG_GAMMA = 15.4435;
    static final double SBG_ALPHA = 0.704;
    static final double SBG_BETA = 1.182;

    private CalibrationFixtures() {
    }

    static List<FittedModel> models() {
        return List.of(
                new FittedModel("BG/NBD", "Repeat purchasing: Poisson purchases while alive, gamma-distributed rates, beta-geometric dropout after each purchase.",
                        List.of(new FittedParameter("r", 0.242594, 0.012566), new FittedParameter("alpha", 4.413587, 0.378399),
                                new FittedParameter("a", 0.792925, 0.185597), new FittedParameter("b", 2.425943, 0.705425)),
                        -9582.429, CUSTOMERS),
                new FittedModel("Gamma-Gamma", "Spend per transaction: gamma around a customer's mean, gamma-distributed across customers.",
                        List.of(new FittedParameter("p", GG_P, 0.3417), new FittedParameter("q", GG_Q, 0.2694), new FittedParameter("gamma", GG_GAMMA, 3.3186)),
                        -4059.8634, 946),
                new FittedModel("shifted-beta-geometric", "Retention: constant churn probability per period, beta-distributed across customers.",
                        List.of(new FittedParameter("alpha", SBG_ALPHA, 0.1236), new FittedParameter("beta", SBG_BETA, Double.NaN)),
                        -1611.158, 1000));
    }

    static RepeatHistogram histogram() {
        return new RepeatHistogram(LABELS, OBSERVED, EXPECTED);
    }

    /**
     * Weekly repeat transactions: customers join uniformly over the first 12 weeks, each buys at a rate that decays as
     * customers drop out; scaled so about 4,000 repeat transactions are made by week 78. Observed = expected plus
     * overdispersed noise.
     */
    static TrackingSeries tracking() {
        double[] expected = new double[WEEKS];
        for (int t = 1; t <= WEEKS; t++) {
            double sum = 0;
            for (int join = 1; join <= 12; join++) {
                // customers who joined in week `join` buy from the following week on
                if (t > join) {
                    sum += CUSTOMERS / 12.0 / (1 + (t - join) / 25.0);
                }
            }
            expected[t - 1] = sum;
        }
        double total = 0;
        for (double e : expected) {
            total += e;
        }
        double scale = 4000 / total;
        SplittableRandom random = new SplittableRandom(8);
        double[] observed = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            expected[t] *= scale;
            double noise = 1.4 * Math.sqrt(expected[t]) * gaussian(random);
            observed[t] = Math.max(0, Math.round(expected[t] + noise));
        }
        return TrackingSeries.ofIncremental("week", observed, expected, CALIBRATION_WEEKS, LocalDate.of(1997, 1, 1));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; enough for a fixture
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static ConditionalExpectation conditional() {
        int[] customers = new int[OBSERVED.length];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = (int) OBSERVED[i];
        }
        return new ConditionalExpectation(LABELS, new double[] {0.236, 0.697, 1.393, 1.560, 2.532, 2.947, 3.862, 6.359},
                new double[] {0.143, 0.600, 1.195, 1.710, 2.315, 2.749, 3.459, 6.060}, customers);
    }

    /** The "regular" cohort, 7 years observed, the sBG fit projected to year 12. */
    static SurvivalSeries survival() {
        int years = 12;
        double[] period = new double[years + 1];
        double[] fitted = new double[years + 1];
        fitted[0] = 1;
        for (int t = 1; t <= years; t++) {
            period[t] = t;
            // S(t) = S(t − 1) · (β + t − 1) / (α + β + t − 1)
            fitted[t] = fitted[t - 1] * (SBG_BETA + t - 1) / (SBG_ALPHA + SBG_BETA + t - 1);
        }
        return new SurvivalSeries("year", period, SURVIVED, fitted);
    }

    /** 946 repeat customers' mean spend drawn from the Gamma-Gamma model, and its density mixed over their purchase counts. */
    static SpendDistribution spend() {
        int[] counts = {439, 214, 100, 62, 38, 29, 64};
        int[] transactions = {1, 2, 3, 4, 5, 6, 9};
        Well19937c rng = new Well19937c(19970101L);
        GammaDistribution nu = new GammaDistribution(rng, GG_Q, 1 / GG_GAMMA);
        List<Double> spend = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                double rate = nu.sample();
                int x = transactions[k];
                spend.add(new GammaDistribution(rng, GG_P * x, 1 / (rate * x)).sample());
            }
            n += counts[k];
        }
        double[] grid = new double[301];
        double[] density = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double z = Math.max(i, 0.01);
            grid[i] = i;
            double f = 0;
            for (int k = 0; k < counts.length; k++) {
                double px = GG_P * transactions[k];
                double log = Gamma.logGamma(px + GG_Q) - Gamma.logGamma(px) - Gamma.logGamma(GG_Q) + GG_Q * Math.log(GG_GAMMA)
                        + (px - 1) * Math.log(z) + px * Math.log(transactions[k]) - (px + GG_Q) * Math.log(GG_GAMMA + transactions[k] * z);
                f += counts[k] / (double) n * Math.exp(log);
            }
            density[i] = f;
        }
        return new SpendDistribution(spend.stream().mapToDouble(Double::doubleValue).toArray(), grid, density, "USD");
    }

    static CalibrationReportInput cdnow() {
        return new CalibrationReportInput("CDNOW sample: model calibration", "cdnow_sample.csv", LocalDate.of(1997, 9, 30), "week", models(), histogram(),
                tracking(), conditional(), survival(), spend(), "0.1.0-TEST");
    }

    /** Only what every log supports: the BG/NBD fit and its histogram (no holdout, no cohort, no spend). */
    static CalibrationReportInput minimal() {
        return new CalibrationReportInput("No holdout", "short.csv", null, "week", models().subList(0, 1), histogram(), null, null, null, null, "0.1.0-TEST");
    }
}
