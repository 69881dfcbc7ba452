package org.segmentlab.simulator.scenario;

import java.util.List;

/**
 * A trait's distribution as written in a scenario ({@code {dist: NAME, ...}}; a bare number is a constant).
 * These are specifications only; samplers are built from them once per run (see the population package).
 */
public sealed interface Distribution {

    /** The {@code dist} key. */
    String kind();

    /** The mean of the distribution (used for documentation, tests and heap estimates). */
    double mean();

    record Constant(double value) implements Distribution {
        public String kind() { return "constant"; }
        public double mean() { return value; }
    }

    record Uniform(double min, double max) implements Distribution {
        public String kind() { return "uniform"; }
        public double mean() { return (min + max) / 2; }
    }

    /** Normal, optionally truncated to [min, max] (infinite bounds when absent); sampled by rejection. */
    record Normal(double mean, double sd, double min, double max) implements Distribution {
        public String kind() { return "normal"; }
    }

    /** Lognormal of log-mean {@code mu} and log-sd {@code sigma}; the median form is {@code mu = ln(median)}. */
    record LogNormal(double mu, double sigma) implements Distribution {
        public String kind() { return "lognormal"; }
        public double mean() { return Math.exp(mu + sigma * sigma / 2); }
        public double median() { return Math.exp(mu); }
    }

    record Gamma(double shape, double scale) implements Distribution {
        public String kind() { return "gamma"; }
        public double mean() { return shape * scale; }
    }

    record Beta(double alpha, double beta) implements Distribution {
        public String kind() { return "beta"; }
        public double mean() { return alpha / (alpha + beta); }
    }

    record Poisson(double mean) implements Distribution {
        public String kind() { return "poisson"; }
    }

    record Exponential(double mean) implements Distribution {
        public String kind() { return "exponential"; }
    }

    /** Resamples observed values, each with its weight (equal weights when none are given). */
    record Empirical(List<Double> values, List<Double> weights) implements Distribution {
        public Empirical {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }
        public String kind() { return "empirical"; }
        public double mean() { return weightedMean(values, weights); }
    }

    /** One of a few values with given probabilities. */
    record Categorical(List<Double> values, List<Double> probabilities) implements Distribution {
        public Categorical {
            values = List.copyOf(values);
            probabilities = List.copyOf(probabilities);
        }
        public String kind() { return "categorical"; }
        public double mean() { return weightedMean(values, probabilities); }
    }

    private static double weightedMean(List<Double> values, List<Double> weights) {
        double sum = 0;
        double w = 0;
        for (int i = 0; i < values.size(); i++) {
            double wi = weights.isEmpty() ? 1 : weights.get(i);
            sum += wi * values.get(i);
            w += wi;
        }
        return sum / w;
    }
}
