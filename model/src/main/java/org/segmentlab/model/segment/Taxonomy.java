package org.segmentlab.model.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.feature.Feature;

/**
 * An ordered list of segments: a customer belongs to the first segment whose rule it matches, and to the
 * last segment (the default, which has no rule) when none does. Immutable and validated: every problem
 * is reported at once as a {@link DefinitionException}.
 */
public record Taxonomy(String name, List<Segment> segments) {

    /** Segment indices are stored in a byte per customer. */
    public static final int MAX_SEGMENTS = 127;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public Taxonomy {
        segments = segments == null ? List.of() : List.copyOf(segments);
        List<Problem> problems = problems(segments);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
    }

    public static Taxonomy of(String name, Segment... segments) {
        return new Taxonomy(name, List.of(segments));
    }

    private static List<Problem> problems(List<Segment> segments) {
        List<Problem> problems = new ArrayList<>();
        if (segments.isEmpty()) {
            problems.add(new Problem("segments", "a taxonomy needs at least one segment (the last one is the default)"));
            return problems;
        }
        if (segments.size() > MAX_SEGMENTS) {
            problems.add(new Problem("segments", "at most " + MAX_SEGMENTS + " segments are allowed, got " + segments.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            String at = "segments[" + i + "]";
            if (!NAME.matcher(s.name()).matches()) {
                problems.add(new Problem(at + ".name", "must start with a letter and use letters, digits, '-' or '_', got '" + s.name() + "'"));
            }
            if (!seen.add(s.name())) {
                problems.add(new Problem(at + ".name", "duplicate segment name '" + s.name() + "'"));
            }
            boolean last = i == segments.size() - 1;
            if (last && s.rule().isPresent()) {
                problems.add(new Problem(at + ".when", "the last segment '" + s.name() + "' is the default and must not have a rule"));
            }
            if (!last && s.rule().isEmpty()) {
                problems.add(new Problem(at + ".when", "segment '" + s.name() + "' needs a rule; only the last segment is the default"));
            }
            s.rule().ifPresent(rule -> addContradictions(rule, at, problems));
        }
        return problems;
    }

    /** A clause whose lower bound exceeds its upper bound on one feature can never match: almost surely a typo. */
    private static void addContradictions(Rule rule, String at, List<Problem> problems) {
        for (int c = 0; c < rule.anyOf().size(); c++) {
            List<Condition> clause = rule.anyOf().get(c);
            for (Feature f : Feature.all()) {
                float lower = Float.NEGATIVE_INFINITY;
                float upper = Float.POSITIVE_INFINITY;
                // Strictness belongs to the binding bound only: in "above 1, min 2, max 2" the strict bound
                // does not bind, and frequency 2 matches.
                boolean lowerStrict = false;
                boolean upperStrict = false;
                for (Condition cond : clause) {
                    if (cond.feature() != f) {
                        continue;
                    }
                    float t = cond.threshold();
                    switch (cond.comparison()) {
                        case MIN:
                        case ABOVE: {
                            boolean strict = cond.comparison() == Comparison.ABOVE;
                            if (t > lower) {
                                lower = t;
                                lowerStrict = strict;
                            } else if (t == lower) {
                                lowerStrict |= strict;
                            }
                            break;
                        }
                        case MAX:
                        case BELOW: {
                            boolean strict = cond.comparison() == Comparison.BELOW;
                            if (t < upper) {
                                upper = t;
                                upperStrict = strict;
                            } else if (t == upper) {
                                upperStrict |= strict;
                            }
                            break;
                        }
                        default: throw new AssertionError(cond);
                    }
                }
                if (lower > upper || (lower == upper && (lowerStrict || upperStrict))) {
                    problems.add(new Problem(at + ".when[" + c + "]." + f.key(),
                            "the lower bound " + lower + " is not below the upper bound " + upper + ": the condition can never hold"));
                }
            }
        }
    }

    public int size() {
        return segments.size();
    }

    public List<String> segmentNames() {
        return segments.stream().map(Segment::name).collect(Collectors.toList());
    }

    /** The index of a segment by name, or -1. */
    public int indexOf(String segmentName) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).name().equals(segmentName)) {
                return i;
            }
        }
        return -1;
    }

    /** The default segment: where customers matching no rule land. */
    public Segment fallback() {
        return segments.get(segments.size() - 1);
    }

    /**
     * The segment of one customer, given as a row indexed by {@link Feature#ordinal()}: the reference
     * semantics that the compiled classifier must reproduce exactly.
     */
    public int classify(float[] row) {
        int last = segments.size() - 1;
        for (int i = 0; i < last; i++) {
            if (segments.get(i).rule().orElseThrow().matches(row)) {
                return i;
            }
        }
        return last;
    }

    /** The features any rule reads: the columns the classifier streams. */
    public Set<Feature> featuresUsed() {
        Set<Feature> used = new java.util.TreeSet<>();
        for (Segment s : segments) {
            s.rule().ifPresent(r -> r.anyOf().forEach(clause -> clause.forEach(c -> used.add(c.feature()))));
        }
        return used;
    }

    /**
     * The same taxonomy with one threshold changed, addressed as {@code segment.feature.comparison},
     * e.g. {@code loyal.frequency.min}. Every condition of that segment on that feature and comparison
     * changes (in all its clauses).
     *
     * @throws DefinitionException when the path names no such condition (the message says what exists)
     */
    public Taxonomy withThreshold(String path, double value) {
        String[] parts = path.split("\\.", -1);
        if (parts.length != 3) {
            throw DefinitionException.of(path, "a threshold path is segment.feature.comparison, e.g. loyal.frequency.min");
        }
        int index = indexOf(parts[0]);
        if (index < 0) {
            throw DefinitionException.of(path, "unknown segment '" + parts[0] + "' in taxonomy '" + name + "'; allowed: " + String.join(", ", segmentNames()));
        }
        Optional<Feature> feature = Feature.byKey(parts[1]);
        if (feature.isEmpty()) {
            throw DefinitionException.of(path, "unknown feature '" + parts[1] + "'; allowed: " + Feature.allowedKeys());
        }
        Optional<Comparison> comparison = Comparison.byKey(parts[2]);
        if (comparison.isEmpty()) {
            throw DefinitionException.of(path, "unknown comparison '" + parts[2] + "'; allowed: " + Comparison.allowedKeys());
        }
        if (!Double.isFinite(value)) {
            throw DefinitionException.of(path, "a threshold must be a finite number, got " + value);
        }
        if (!Float.isFinite((float) value)) {
            // Thresholds are held as floats (the precision of the feature columns): 1e300 would become infinity.
            throw DefinitionException.of(path, "a threshold must be between -" + Float.MAX_VALUE + " and " + Float.MAX_VALUE
                    + " (thresholds are floats), got " + value);
        }
        Segment segment = segments.get(index);
        if (segment.rule().isEmpty()) {
            throw DefinitionException.of(path, "segment '" + parts[0] + "' is the default and has no thresholds");
        }
        boolean changed = false;
        List<List<Condition>> clauses = new ArrayList<>();
        for (List<Condition> clause : segment.rule().get().anyOf()) {
            List<Condition> copy = new ArrayList<>();
            for (Condition c : clause) {
                if (c.feature() == feature.get() && c.comparison() == comparison.get()) {
                    copy.add(c.withThreshold(value));
                    changed = true;
                } else {
                    copy.add(c);
                }
            }
            clauses.add(copy);
        }
        if (!changed) {
            Optional<String> retired = BuiltInTaxonomies.retiredThreshold(name, path);
            if (retired.isPresent()) {
                throw DefinitionException.of(path, retired.get());
            }
            throw DefinitionException.of(path, "segment '" + parts[0] + "' has no condition " + parts[1] + "." + parts[2]
                    + "; its thresholds are: " + String.join(", ", thresholdPaths(segment)));
        }
        List<Segment> updated = new ArrayList<>(segments);
        updated.set(index, Segment.of(segment.name(), new Rule(clauses)));
        return new Taxonomy(name, updated);
    }

    /**
     * This taxonomy for data that cannot tell some features at all (a transaction log has no satisfaction, and no
     * promotion response without a discount column): each condition on such a feature is left out of its clause,
     * so a rule is judged on what the data can tell ({@code loyal} becomes frequency and promoLift alone). A clause
     * with nothing left is dropped (the {@code satisfaction < 0.3} clause of {@code negative}); a rule with no clause
     * left is kept as it is, and matches nobody, since its unknown features fail every comparison.
     */
    public Taxonomy withoutConditionsOn(Set<Feature> unknown) {
        List<Segment> updated = new ArrayList<>();
        for (Segment s : segments) {
            if (s.rule().isEmpty()) {
                updated.add(s);
                continue;
            }
            List<List<Condition>> clauses = new ArrayList<>();
            for (List<Condition> clause : s.rule().get().anyOf()) {
                List<Condition> known = clause.stream().filter(c -> !unknown.contains(c.feature())).toList();
                if (!known.isEmpty()) {
                    clauses.add(known);
                }
            }
            updated.add(clauses.isEmpty() ? s : Segment.of(s.name(), new Rule(clauses)));
        }
        return new Taxonomy(name, updated);
    }

    /** Every overridable threshold path of this taxonomy, e.g. {@code loyal.frequency.min}, in order. */
    public List<String> thresholdPaths() {
        List<String> paths = new ArrayList<>();
        for (Segment s : segments) {
            for (String p : thresholdPaths(s)) {
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            }
        }
        return paths;
    }

    /** The current value of a threshold path (the first matching condition). */
    public Optional<Float> threshold(String path) {
        for (Segment s : segments) {
            if (s.rule().isEmpty()) {
                continue;
            }
            for (List<Condition> clause : s.rule().get().anyOf()) {
                for (Condition c : clause) {
                    if ((s.name() + "." + c.feature().key() + "." + c.comparison().key()).equals(path)) {
                        return Optional.of(c.threshold());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> thresholdPaths(Segment segment) {
        List<String> paths = new ArrayList<>();
        segment.rule().ifPresent(rule -> rule.anyOf().forEach(clause -> clause.forEach(c -> {
            String p = segment.name() + "." + c.feature().key() + "." + c.comparison().key();
            if (!paths.contains(p)) {
                paths.add(p);
            }
        })));
        return paths;
    }
}
