package org.segmentlab.simulator.scenario;

import java.util.List;

/**
 * A trait's distribution as written in a scenario ({@code {dist: NAME, ...}}; a bare number is a constant).
 * These are specifications only; samplers are built from them once per run (see the population package).
 * The loader guarantees valid parameters, and a support that fits the trait: inside [0, 1] for probabilities,
 * never negative for rates and money. The YAML form of each family is given on its record.
 */
public sealed interface Distribution {

    /** The {@code dist} key. */
    String kind();

    /** The mean of the distribution (used for documentation, tests and heap estimates). */
    double mean();

    /** {@code {dist: constant, value: v}}, or just {@code v}. */
    record Constant(double value) implements Distribution {
        public String kind() { return "constant"; }
        public double mean() { return value; }
    }

    /** {@code {dist: uniform, min: a, max: b}} with a ≤ b. */
    record Uniform(double min, double max) implements Distribution {
        public String kind() { return "uniform"; }
        public double mean() { return (min + max) / 2; }
    }

    /**
     * Normal, optionally truncated to [min, max] (infinite bounds when absent); sampled by rejection.
     * {@code {dist: normal, mean: m, sd: s, min: a, max: b}}, sd &gt; 0, the bounds optional; the loader refuses
     * bounds that keep less than 0.001 of the mass.
     */
    record Normal(double mean, double sd, double min, double max) implements Distribution {
        public String kind() { return "normal"; }
    }

    /**
     * Lognormal of log-mean {@code mu} and log-sd {@code sigma}; the median form is {@code mu = ln(median)}.
     * {@code {dist: lognormal, median: m, sigma: s}} or {@code {dist: lognormal, mu: u, sigma: s}}, 0 &lt; sigma ≤ 10.
     */
    record LogNormal(double mu, double sigma) implements Distribution {
        public String kind() { return "lognormal"; }
        public double mean() { return Math.exp(mu + sigma * sigma / 2); }
        public double median() { return Math.exp(mu); }
    }

    /** {@code {dist: gamma, shape: k, scale: θ}} or {@code {dist: gamma, shape: k, rate: 1/θ}}; mean kθ. */
    record Gamma(double shape, double scale) implements Distribution {
        public String kind() { return "gamma"; }
        public double mean() { return shape * scale; }
    }

    /** {@code {dist: beta, alpha: a, beta: b}}, both &gt; 0. */
    record Beta(double alpha, double beta) implements Distribution {
        public String kind() { return "beta"; }
        public double mean() { return alpha / (alpha + beta); }
    }

    /** {@code {dist: poisson, mean: m}}, m &gt; 0. */
    record Poisson(double mean) implements Distribution {
        public String kind() { return "poisson"; }
    }

    /** {@code {dist: exponential, mean: m}}, m &gt; 0. */
    record Exponential(double mean) implements Distribution {
        public String kind() { return "exponential"; }
    }

    /**
     * Resamples observed values, each with its weight (equal weights when none are given; the list is then empty).
     * {@code {dist: empirical, values: [...], weights: [...]}}, weights optional, ≥ 0 and not all 0.
     */
    record Empirical(List<Double> values, List<Double> weights) implements Distribution {
        public Empirical {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }
        public String kind() { return "empirical"; }
        public double mean() { return weightedMean(values, weights); }
    }

    /** One of a few values with given probabilities: {@code {dist: categorical, values: [...], probabilities: [...]}}, summing to 1. */
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
