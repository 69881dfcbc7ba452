package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;

/**
 * Writes a {@link Scenario} as YAML, fully resolved: every default filled in, the taxonomy inline (thresholds
 * applied), and every treatment a strategy uses (or the scenario changed or defined) with all its parameters.
 * Loading the text gives an equal {@code Scenario}, so a run's output folder can carry the exact scenario it ran.
 */
public final class ScenarioWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf");

    private final StringBuilder out = new StringBuilder();

    private ScenarioWriter() {
    }

    public static String toYaml(Scenario scenario) {
        return new ScenarioWriter().scenario(scenario).out.toString();
    }

    private ScenarioWriter scenario(Scenario s) {
        line(0, "# Resolved scenario: every default filled in; loading this file gives the same scenario.");
        line(0, "name: " + string(s.name()));
        line(0, "description: " + string(s.description()));
        line(0, "seed: " + s.seed());
        line(0, "months: " + s.months());
        line(0, "replications: " + s.replications());

        market(s.market());

        Economics e = s.economics();
        line(0, "economics:");
        line(1, "currency: " + string(e.currency()));
        for (EconomicsParameter p : EconomicsParameter.values()) {
            line(1, p.key() + ": " + number(e.get(p)));
        }

        line(0, "behaviour:");
        for (BehaviourParameter p : BehaviourParameter.values()) {
            double v = s.behaviour().get(p);
            line(1, p.key() + ": " + (p.whole() ? Long.toString((long) v) : number(v)));
        }

        promotions(s.promotions());

        line(0, "observation:");
        for (ObservationParameter p : ObservationParameter.values()) {
            line(1, p.key() + ": " + number(s.observation().get(p)));
        }

        if (!s.mechanismsOff().isEmpty()) {
            // Only the switched-off ones: a scenario with every mechanism on reads as it did before the switches.
            line(0, "mechanisms:");
            for (Mechanism off : s.mechanismsOff()) {
                line(1, off.key() + ": off");
            }
        }

        line(0, "archetypes:");
        for (Archetype a : s.archetypes()) {
            line(1, "- name: " + string(a.name()));
            line(2, "share: " + number(a.share()));
            for (Trait t : Trait.values()) {
                // A plain-number trait holds a constant, which is written as its number.
                line(2, t.key() + ": " + distribution(a.distribution(t)));
            }
        }

        taxonomy(s.taxonomy());

        if (s.truth().isEmpty()) {
            line(0, "truth: {}");
        } else {
            line(0, "truth:");
            s.truth().forEach((archetype, segment) -> line(1, string(archetype) + ": " + string(segment)));
        }

        treatments(s);

        line(0, "strategies:");
        for (Strategy st : s.strategies()) {
            line(1, "- name: " + string(st.name()));
            if (st.budget().isPresent()) {
                line(2, "budget: " + number(st.budget().getAsDouble()));
            }
            if (st.advertising().spend() > 0) {
                line(2, "advertising: {spend: " + number(st.advertising().spend()) + ", targets: ["
                        + String.join(", ", st.advertising().targets().stream().map(ScenarioWriter::string).toList())
                        + "], tilt: " + number(st.advertising().tilt()) + "}");
            }
            line(2, "treatments:");
            st.treatments().forEach((segment, treatment) -> line(3, string(segment) + ": " + string(treatment)));
        }

        if (s.initialPopulation() != null) {
            // Absolute: the resolved scenario lands in a report folder, away from the scenario it came from.
            line(0, "initialPopulation:");
            line(1, "file: " + string(s.initialPopulation().file().toString()));
        }

        if (s.events().isEmpty()) {
            line(0, "events: []");
        } else {
            line(0, "events:");
            for (Event ev : s.events()) {
                StringBuilder item = new StringBuilder("- {type: " + ev.type().key() + ", month: " + ev.month());
                for (EventParameter p : EventParameter.values()) {
                    item.append(", ").append(p.key()).append(": ").append(p.whole() ? Long.toString((long) ev.get(p)) : number(ev.get(p)));
                }
                line(1, item.append('}').toString());
            }
        }
        return this;
    }

    /** Every declared value ({@link MarketParameter}): the market's one a line, each sub-mapping on one line. */
    private void market(Market m) {
        line(0, "market:");
        for (MarketParameter p : MarketParameter.Group.MARKET.parameters()) {
            line(1, p.key() + ": " + value(m, p));
        }
        for (MarketParameter.Group group : MarketParameter.Group.subGroups()) {
            List<String> values = new ArrayList<>();
            for (MarketParameter p : group.parameters()) {
                values.add(p.key() + ": " + value(m, p));
            }
            line(1, group.key() + ": {" + String.join(", ", values) + "}");
        }
    }

    private static String value(Market m, MarketParameter p) {
        return p.whole() ? Long.toString((long) m.get(p)) : number(m.get(p));
    }

    /** The periodic form as a mapping, the list form as a list; no promotions as an empty list. */
    private void promotions(Promotions p) {
        if (p.periodic() != null && !p.sales().isEmpty()) {
            throw new IllegalArgumentException("a scenario file holds a periodic sale or a list of sales, not both: " + p);
        }
        Promotions.Periodic periodic = p.periodic();
        if (periodic != null) {
            line(0, "promotions:");
            line(1, "every: " + periodic.every());
            line(1, "length: " + periodic.length());
            line(1, "discount: " + number(periodic.discount()));
            line(1, "start: " + periodic.start());
        } else if (p.sales().isEmpty()) {
            line(0, "promotions: []");
        } else {
            line(0, "promotions:");
            for (Promotions.Sale sale : p.sales()) {
                line(1, "- {month: " + sale.month() + ", discount: " + number(sale.discount()) + ", length: " + sale.length() + "}");
            }
        }
    }

    private void taxonomy(Taxonomy t) {
        line(0, "taxonomy:");
        line(1, "name: " + string(t.name()));
        line(1, "segments:");
        for (Segment segment : t.segments()) {
            line(2, "- name: " + string(segment.name()));
            if (segment.rule().isEmpty()) {
                continue;
            }
            line(3, "when:");
            for (List<Condition> clause : segment.rule().get().anyOf()) {
                line(4, "- " + clause(clause));
            }
        }
    }

    /** {@code {frequency: {min: 6}, discountShare: {below: 0.3}}}: conditions grouped by feature, in order. */
    private static String clause(List<Condition> clause) {
        List<String> parts = new ArrayList<>();
        Set<org.segmentlab.model.feature.Feature> done = new LinkedHashSet<>();
        for (Condition c : clause) {
            if (!done.add(c.feature())) {
                continue;
            }
            List<String> comparisons = new ArrayList<>();
            for (Condition d : clause) {
                if (d.feature() == c.feature()) {
                    comparisons.add(d.comparison().key() + ": " + threshold(d.threshold()));
                }
            }
            parts.add(c.feature().key() + ": {" + String.join(", ", comparisons) + "}");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Every treatment a strategy uses, changed from its built-in, or defined by the scenario; all parameters. */
    private void treatments(Scenario s) {
        Set<String> written = new LinkedHashSet<>();
        for (Strategy st : s.strategies()) {
            written.addAll(st.treatments().values());
            st.resolve(s.taxonomy(), s.treatments()).bySegment().forEach(t -> written.add(t.name()));
        }
        for (Map.Entry<String, Treatment> e : s.treatments().entrySet()) {
            if (!e.getValue().equals(BuiltInTreatments.byName(e.getKey()).orElse(null))) {
                written.add(e.getKey());
            }
        }
        line(0, "treatments:");
        for (String name : s.treatments().keySet()) {
            if (!written.contains(name)) {
                continue;
            }
            Treatment t = s.treatments().get(name);
            line(1, string(name) + ":");
            for (TreatmentParameter p : TreatmentParameter.values()) {
                String value = p.isFlag() ? Boolean.toString(t.get(p) != 0) : number(t.get(p));
                line(2, p.key() + ": " + value);
            }
        }
    }

    private static String distribution(Distribution d) {
        if (d instanceof Distribution.Constant) {
            return number(((Distribution.Constant) d).value());
        }
        StringBuilder sb = new StringBuilder("{dist: ").append(d.kind());
        if (d instanceof Distribution.Uniform) {
            Distribution.Uniform u = (Distribution.Uniform) d;
            param(sb, "min", u.min());
            param(sb, "max", u.max());
        } else if (d instanceof Distribution.Normal) {
            Distribution.Normal n = (Distribution.Normal) d;
            param(sb, "mean", n.mean());
            param(sb, "sd", n.sd());
            if (n.min() != Double.NEGATIVE_INFINITY) {
                param(sb, "min", n.min());
            }
            if (n.max() != Double.POSITIVE_INFINITY) {
                param(sb, "max", n.max());
            }
        } else if (d instanceof Distribution.LogNormal) {
            Distribution.LogNormal l = (Distribution.LogNormal) d;
            double median = exactMedian(l.mu());
            if (!Double.isNaN(median)) {
                param(sb, "median", median);
            } else {
                param(sb, "mu", l.mu());
            }
            param(sb, "sigma", l.sigma());
        } else if (d instanceof Distribution.Gamma) {
            Distribution.Gamma g = (Distribution.Gamma) d;
            param(sb, "shape", g.shape());
            param(sb, "scale", g.scale());
        } else if (d instanceof Distribution.Beta) {
            Distribution.Beta b = (Distribution.Beta) d;
            param(sb, "alpha", b.alpha());
            param(sb, "beta", b.beta());
        } else if (d instanceof Distribution.Poisson) {
            param(sb, "mean", d.mean());
        } else if (d instanceof Distribution.Exponential) {
            param(sb, "mean", d.mean());
        } else if (d instanceof Distribution.Empirical) {
            Distribution.Empirical em = (Distribution.Empirical) d;
            list(sb, "values", em.values());
            if (!em.weights().isEmpty()) {
                list(sb, "weights", em.weights());
            }
        } else if (d instanceof Distribution.Categorical) {
            Distribution.Categorical c = (Distribution.Categorical) d;
            list(sb, "values", c.values());
            list(sb, "probabilities", c.probabilities());
        } else {
            throw new IllegalArgumentException("unknown distribution " + d);
        }
        return sb.append('}').toString();
    }

    /**
     * The median reads better than mu (median 60, not mu 4.0943445622221), but exp(mu) is rarely the number the
     * user wrote: the shortest decimal whose log is exactly mu, or NaN when there is none (then mu is written).
     */
    private static double exactMedian(double mu) {
        double median = Math.exp(mu);
        if (!(median > 0 && median <= Range.MONEY_MAX)) {
            return Double.NaN;
        }
        for (int digits = 1; digits <= 17; digits++) {
            double candidate = new java.math.BigDecimal(median).round(new java.math.MathContext(digits)).doubleValue();
            if (candidate > 0 && Math.log(candidate) == mu) {
                return candidate;
            }
        }
        return Double.NaN;
    }

    private static void param(StringBuilder sb, String key, double value) {
        sb.append(", ").append(key).append(": ").append(number(value));
    }

    private static void list(StringBuilder sb, String key, List<Double> values) {
        sb.append(", ").append(key).append(": [");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(number(values.get(i)));
        }
        sb.append(']');
    }

    /** A number that reads back as exactly the same double. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a scenario holds only finite numbers, got " + v);
        }
        return Numbers.format(v);
    }

    /** A float threshold in its shortest form when that reads back (via double) to the same float, else exactly. */
    private static String threshold(float f) {
        String shortest = Numbers.format(Double.parseDouble(Float.toString(f)));
        return (float) Double.parseDouble(shortest) == f ? shortest : number(f);
    }

    /** A plain YAML word when that is safe, else a double-quoted string with escapes. */
    static String string(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
