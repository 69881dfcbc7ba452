package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Reads a trait's distribution ({@code {dist: NAME, …}} or a bare number) and checks it twice: its parameters
 * (sd &gt; 0, shares summing to 1, …) and its support against the trait (a probability must stay in [0, 1]; rates and
 * money must not go negative nor have an absurd mean).
 */
final class DistributionReader {

    /** A bound on parameters that have no natural one: larger values are typos. */
    private static final Range FINITE = Range.between(-Range.MONEY_MAX, Range.MONEY_MAX);
    private static final Range SHAPE = Range.POSITIVE.upTo(1e6);
    private static final Range SCALE = Range.POSITIVE.upTo(Range.MONEY_MAX);
    private static final Range SIGMA = Range.POSITIVE.upTo(10);
    private static final Range LOG_MEAN = Range.between(-100, 100);
    private static final int MAX_EMPIRICAL_VALUES = 10_000;
    private static final int MAX_CATEGORIES = 1_000;
    /** A truncated normal is sampled by rejection: below this kept mass the sampler would spin. */
    private static final double MIN_NORMAL_MASS = 1e-3;
    private static final double SUM_TOLERANCE = 1e-6;

    private final Problems problems;
    private final Trait.Kind traitKind;
    private final String path;

    private DistributionReader(Problems problems, Trait.Kind kind, String path) {
        this.problems = problems;
        this.traitKind = kind;
        this.path = path;
    }

    /** The distribution, or null after reporting every problem with it. */
    static Distribution read(YamlNode node, String path, Trait.Kind kind, Problems problems) {
        int before = problems.size();
        Distribution d = new DistributionReader(problems, kind, path).read(node);
        return problems.size() > before ? null : d;
    }

    private Distribution read(YamlNode node) {
        if (node instanceof Scalar && ((Scalar) node).isNumber()) {
            Double value = Fields.number(node, path, FINITE, problems);
            if (value == null || !checkValue(node, path, value)) {
                return null;
            }
            return checkMean(new Distribution.Constant(value), node);
        }
        if (!(node instanceof Mapping)) {
            Fields.wrongType(node, path, "must be a number or a distribution {dist: NAME, …}", problems);
            return null;
        }
        Mapping m = (Mapping) node;
        Optional<YamlNode> distNode = m.get(ScenarioKeys.DIST);
        if (distNode.isEmpty()) {
            problems.add(m, Paths.key(path, ScenarioKeys.DIST), "is required (one of "
                    + String.join(", ", ScenarioKeys.distributionNames()) + ")");
            return null;
        }
        String kind = Fields.text(distNode.get(), Paths.key(path, ScenarioKeys.DIST), 100, problems);
        if (kind == null) {
            return null;
        }
        if (!ScenarioKeys.DISTRIBUTIONS.containsKey(kind)) {
            problems.add(distNode.get(), Paths.key(path, ScenarioKeys.DIST),
                    Suggestions.unknown("distribution", kind, ScenarioKeys.distributionNames()));
            return null;
        }
        Fields f = Fields.of(m, path, ScenarioKeys.DISTRIBUTIONS.get(kind), "a distribution", problems);
        int before = problems.size();
        Distribution d = family(kind, f, distNode.get());
        return problems.size() > before ? null : d;
    }

    private Distribution family(String kind, Fields f, YamlNode distNode) {
        switch (kind) {
            case "constant":
                return constant(f);
            case "uniform":
                return uniform(f);
            case "normal":
                return normal(f);
            case "lognormal":
                return lognormal(f, distNode);
            case "gamma":
                return gamma(f, distNode);
            case "beta":
                return beta(f);
            case "poisson":
                return unbounded(f, distNode, SHAPE, Distribution.Poisson::new);
            case "exponential":
                return unbounded(f, distNode, SCALE, Distribution.Exponential::new);
            case "empirical":
                return empirical(f);
            case "categorical":
                return categorical(f);
            default:
                throw new AssertionError(kind);
        }
    }

    private Distribution constant(Fields f) {
        Double value = f.requiredNumber("value", FINITE, "the constant's value");
        if (value == null) {
            return null;
        }
        if (!checkValue(f.node("value").orElseThrow(), f.path("value"), value)) {
            return null;
        }
        return checkMean(new Distribution.Constant(value), f.mapping());
    }

    private Distribution uniform(Fields f) {
        Double min = f.requiredNumber("min", FINITE, "the lower end");
        Double max = f.requiredNumber("max", FINITE, "the upper end");
        if (min == null || max == null) {
            return null;
        }
        if (max < min) {
            problems.add(f.node("max").orElseThrow(), f.path("max"),
                    "must be >= min (" + Numbers.format(min) + "), got " + text(f, "max"));
            return null;
        }
        int before = problems.size();
        checkLower(f, "min", min);
        checkUpper(f, "max", max);
        return problems.size() > before ? null : checkMean(new Distribution.Uniform(min, max), f.mapping());
    }

    private Distribution normal(Fields f) {
        Double mean = f.requiredNumber("mean", FINITE, "the mean");
        Double sd = f.requiredNumber("sd", SCALE, "the standard deviation, > 0");
        Double min = f.number("min", Double.NEGATIVE_INFINITY, FINITE);
        Double max = f.number("max", Double.POSITIVE_INFINITY, FINITE);
        if (mean == null || sd == null || min == null || max == null) {
            return null;
        }
        if (max <= min) {
            problems.add(f.node("max").orElseThrow(), f.path("max"),
                    "must be > min (" + Numbers.format(min) + "), got " + text(f, "max"));
            return null;
        }
        int before = problems.size();
        if (traitKind == Trait.Kind.PROBABILITY && (!f.has("min") || !f.has("max"))) {
            problems.add(f.mapping(), path, "a normal can leave [0, 1], but " + traitKind.description()
                    + " cannot: truncate it with min >= 0 and max <= 1");
        } else if (traitKind != Trait.Kind.PROBABILITY && !f.has("min")) {
            problems.add(f.mapping(), path, "a normal can go negative, but " + traitKind.description()
                    + " cannot: truncate it with min >= 0");
        } else {
            checkLower(f, "min", min);
            if (f.has("max")) {
                checkUpper(f, "max", max);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        NormalDistribution n = new NormalDistribution(null, mean, sd);
        double mass = n.cumulativeProbability(max) - n.cumulativeProbability(min);
        if (!(mass >= MIN_NORMAL_MASS)) {
            problems.add(f.mapping(), path, "the bounds [" + Numbers.format(min) + ", " + Numbers.format(max)
                    + "] keep only " + Numbers.approx(mass, 3) + " of this normal; must keep at least "
                    + Numbers.format(MIN_NORMAL_MASS) + " (move the mean or widen the bounds)");
            return null;
        }
        return checkMean(new Distribution.Normal(mean, sd, min, max), f.mapping());
    }

    private Distribution lognormal(Fields f, YamlNode distNode) {
        Double sigma = f.requiredNumber("sigma", SIGMA, "the log standard deviation, > 0");
        Double mu = f.has("mu") ? f.number("mu", 0, LOG_MEAN) : null;
        Double median = f.has("median") ? f.number("median", 1, SCALE) : null;
        if (f.has("mu") && f.has("median")) {
            problems.add(f.node("median").orElseThrow(), f.path("median"), "give either mu or median, not both");
            return null;
        }
        if (!f.has("mu") && !f.has("median")) {
            problems.add(f.mapping(), path, "a lognormal needs mu (the log mean) or median");
            return null;
        }
        if (median != null) {
            mu = Math.log(median);
        }
        if (mu == null || sigma == null) {
            return null;
        }
        return notProbability(checkMean(new Distribution.LogNormal(mu, sigma), f.mapping()), distNode);
    }

    private Distribution gamma(Fields f, YamlNode distNode) {
        Double shape = f.requiredNumber("shape", SHAPE, "the shape, > 0");
        Double scale = f.has("scale") ? f.number("scale", 1, SCALE) : null;
        Double rate = f.has("rate") ? f.number("rate", 1, SCALE) : null;
        if (f.has("scale") && f.has("rate")) {
            problems.add(f.node("rate").orElseThrow(), f.path("rate"), "give either scale or rate (= 1/scale), not both");
            return null;
        }
        if (!f.has("scale") && !f.has("rate")) {
            problems.add(f.mapping(), path, "a gamma needs scale or rate (= 1/scale)");
            return null;
        }
        if (rate != null) {
            scale = 1 / rate;
        }
        if (shape == null || scale == null) {
            return null;
        }
        return notProbability(checkMean(new Distribution.Gamma(shape, scale), f.mapping()), distNode);
    }

    private Distribution beta(Fields f) {
        Double alpha = f.requiredNumber("alpha", SHAPE, "> 0");
        Double beta = f.requiredNumber("beta", SHAPE, "> 0");
        if (alpha == null || beta == null) {
            return null;
        }
        // Support [0, 1]: fits every trait; a rate or money in [0, 1] is unusual but not wrong.
        return new Distribution.Beta(alpha, beta);
    }

    private Distribution unbounded(Fields f, YamlNode distNode, Range range,
            java.util.function.DoubleFunction<Distribution> make) {
        Double mean = f.requiredNumber("mean", range, "the mean, > 0");
        if (mean == null) {
            return null;
        }
        return notProbability(checkMean(make.apply(mean), f.mapping()), distNode);
    }

    private Distribution empirical(Fields f) {
        List<Double> values = values(f, "values", MAX_EMPIRICAL_VALUES, FINITE, true);
        List<Double> weights = f.has("weights") ? values(f, "weights", MAX_EMPIRICAL_VALUES, Range.MONEY, false) : List.of();
        if (values == null || weights == null) {
            return null;
        }
        if (!weights.isEmpty()) {
            if (weights.size() != values.size()) {
                problems.add(f.node("weights").orElseThrow(), f.path("weights"), "must have one weight per value ("
                        + values.size() + "), got " + weights.size());
                return null;
            }
            if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problems.add(f.node("weights").orElseThrow(), f.path("weights"), "must not all be 0");
                return null;
            }
        }
        return checkMean(new Distribution.Empirical(values, weights), f.mapping());
    }

    private Distribution categorical(Fields f) {
        List<Double> values = values(f, "values", MAX_CATEGORIES, FINITE, true);
        List<Double> probabilities = f.required("probabilities", "one probability per value, summing to 1").isPresent()
                ? values(f, "probabilities", MAX_CATEGORIES, Range.PROBABILITY, false) : null;
        if (values == null || probabilities == null) {
            return null;
        }
        if (probabilities.size() != values.size()) {
            problems.add(f.node("probabilities").orElseThrow(), f.path("probabilities"),
                    "must have one probability per value (" + values.size() + "), got " + probabilities.size());
            return null;
        }
        double sum = probabilities.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            problems.add(f.node("probabilities").orElseThrow(), f.path("probabilities"),
                    "must sum to 1, got " + Numbers.approx(sum, 10));
            return null;
        }
        return checkMean(new Distribution.Categorical(values, probabilities), f.mapping());
    }

    /** A list of numbers (1 to max items); with {@code traitValues} each is also checked against the trait. */
    private List<Double> values(Fields f, String key, int max, Range range, boolean traitValues) {
        Optional<YamlNode> node = traitValues ? f.required(key, "a list of numbers") : f.node(key);
        if (node.isEmpty()) {
            return null;
        }
        Sequence list = Fields.list(node.get(), f.path(key), "a list of numbers", problems);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty() || list.items().size() > max) {
            problems.add(list, f.path(key), "must have between 1 and " + max + " numbers, got " + list.items().size());
            return null;
        }
        List<Double> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = Paths.index(f.path(key), i);
            Double v = Fields.number(item, itemPath, range, problems);
            if (v != null && traitValues) {
                v = checkValue(item, itemPath, v) ? v : null;
            }
            ok &= v != null;
            values.add(v);
        }
        return ok ? values : null;
    }

    // ---- the trait's support

    /** A single value the trait can take: in [0, 1] for a probability, else >= 0. */
    private boolean checkValue(YamlNode node, String at, double v) {
        Range allowed = traitKind.range();
        if (!allowed.contains(v)) {
            problems.add(node, at, allowed.mustBe(v) + " (" + traitKind.description() + "), got " + ((Scalar) node).text());
            return false;
        }
        return true;
    }

    private void checkLower(Fields f, String key, double v) {
        if (v < 0) {
            problems.add(f.node(key).orElseThrow(), f.path(key), "must be >= 0 (" + traitKind.description() + "), got " + text(f, key));
        }
    }

    private void checkUpper(Fields f, String key, double v) {
        if (traitKind == Trait.Kind.PROBABILITY && v > 1) {
            problems.add(f.node(key).orElseThrow(), f.path(key), "must be <= 1 (" + traitKind.description() + "), got " + text(f, key));
        }
    }

    /** Families whose values can exceed 1 cannot describe a probability. */
    private Distribution notProbability(Distribution d, YamlNode distNode) {
        if (d != null && traitKind == Trait.Kind.PROBABILITY && !ScenarioKeys.PROBABILITY_DISTRIBUTIONS.contains(d.kind())) {
            problems.add(distNode, Paths.key(path, ScenarioKeys.DIST), d.kind() + " can give values above 1, but "
                    + traitKind.description() + " cannot; allowed: " + String.join(", ", ScenarioKeys.PROBABILITY_DISTRIBUTIONS)
                    .replace("normal", "normal with min and max"));
            return null;
        }
        return d;
    }

    private Distribution checkMean(Distribution d, YamlNode at) {
        if (traitKind != Trait.Kind.PROBABILITY && !(d.mean() <= traitKind.maxMean())) {
            problems.add(at, path, "the mean " + Numbers.approx(d.mean(), 3) + " is absurdly large for "
                    + traitKind.description() + "; must be <= " + Numbers.format(traitKind.maxMean()));
            return null;
        }
        return d;
    }

    private static String text(Fields f, String key) {
        return ((Scalar) f.node(key).orElseThrow()).text();
    }
}
