package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Rule;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.Advertising;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.YamlNode.Entry;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Turns a located YAML tree into a validated {@link Scenario}, collecting every problem rather than stopping at the
 * first. Each section is read even when an earlier one failed, so one run reports everything; a check that depends
 * on another value (shares summing to 1, a strategy's segments) runs only when that value was valid, so one mistake
 * is reported once. The defaults applied here are the ones documented on the records and in the JSON Schema.
 */
final class ScenarioBinder {

    static final int MAX_MONTHS = 1200;
    static final int MAX_REPLICATIONS = 10_000;
    /** The market potential must fit the population's int-indexed columns. */
    static final long MAX_POTENTIAL = 2_000_000_000L;
    /** Archetype indices are stored in a byte per customer. */
    static final int MAX_ARCHETYPES = 127;
    static final int MAX_STRATEGIES = 100;
    static final int MAX_EVENTS = 1000;
    static final double SHARE_TOLERANCE = 1e-6;
    static final String CUSTOM_TAXONOMY = "custom";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Range THRESHOLD = Range.between(-Range.MONEY_MAX, Range.MONEY_MAX);

    private final Problems problems;

    private final java.nio.file.Path folder;

    private ScenarioBinder(Problems problems, java.nio.file.Path folder) {
        this.folder = folder;
        this.problems = problems;
    }

    /** The scenario, or null when {@code problems} gained any problem. */
    static Scenario bind(Mapping root, Problems problems, java.nio.file.Path folder) {
        return new ScenarioBinder(problems, folder).scenario(root);
    }

    private Scenario scenario(Mapping rootNode) {
        int before = problems.size();
        Fields root = Fields.of(rootNode, "", ScenarioKeys.ROOT, "a mapping", problems);
        String name = root.requiredText("name", 200, "a short title for reports");
        String description = root.text("description", "", 10_000);
        Long seed = root.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Long months = root.integer("months", 36, 1, MAX_MONTHS);
        Long replications = root.integer("replications", 1, 1, MAX_REPLICATIONS);
        Market market = market(root);
        Economics economics = root.node("economics").map(n -> economics(n, root.path("economics"))).orElse(Economics.DEFAULT);
        Behaviour behaviour = root.node("behaviour").map(n -> behaviour(n, root.path("behaviour"))).orElse(Behaviour.DEFAULT);
        Promotions promotions = root.node("promotions").map(n -> PromotionsReader.read(n, problems)).orElse(Promotions.NONE);
        Observation observation = root.node("observation").map(n -> observation(n, root.path("observation"))).orElse(Observation.PERFECT);
        Set<Mechanism> mechanismsOff = root.node("mechanisms").map(n -> mechanisms(n, root.path("mechanisms"))).orElse(Set.of());
        List<Archetype> archetypes = archetypes(root);
        Taxonomy taxonomy = thresholds(root, taxonomy(root));
        Map<String, String> truth = truth(root, archetypes, taxonomy);
        Map<String, Treatment> treatments = treatments(root);
        List<Strategy> strategies = strategies(root, taxonomy, treatments, archetypes, market);
        List<Event> events = events(root, months);
        InitialPopulation initialPopulation = problems.size() > before ? null : initialPopulation(root, market, archetypes, behaviour);
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(name, description, seed, months.intValue(), replications.intValue(), market, economics,
                behaviour, archetypes, taxonomy, truth, treatments, strategies, events, initialPopulation, promotions,
                observation, mechanismsOff);
    }

    // ---- initial population from data

    /** {@code initialPopulation: {file: customers.csv}}: read only once everything else is valid (it can be large). */
    private InitialPopulation initialPopulation(Fields root, Market market, List<Archetype> archetypes, Behaviour behaviour) {
        Optional<YamlNode> node = root.node("initialPopulation");
        if (node.isEmpty()) {
            return null;
        }
        Fields f = Fields.of(node.get(), "initialPopulation", ScenarioKeys.INITIAL_POPULATION,
                "a mapping with the file of real customers, e.g. {file: customers.csv}", problems);
        if (f == null) {
            return null;
        }
        String name = f.requiredText("file", 4096, "the customers file written by segmentlab calibrate, relative to the scenario");
        if (name == null) {
            return null;
        }
        YamlNode at = f.node("file").orElseThrow();
        if (folder == null) {
            problems.add(at, f.path("file"), "files can only be named by a scenario read from a file on this machine");
            return null;
        }
        java.nio.file.Path file;
        try {
            file = folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(at, f.path("file"), "not a valid path: " + e.getMessage());
            return null;
        }
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        for (int i = 0; i < archetypes.size(); i++) {
            names.put(archetypes.get(i).name(), i);
        }
        InitialPopulation read = InitialPopulationReader.read(file, at, names, problems);
        if (read == null) {
            return null;
        }
        if (read.size() != market.initialCustomers()) {
            YamlNode initial = root.node("market").flatMap(m -> ((YamlNode.Mapping) m).get("initialCustomers")).orElse(at);
            problems.add(initial, "market.initialCustomers", "must equal the " + read.size() + " customers of "
                    + name + ", got " + market.initialCustomers());
            return null;
        }
        if (read.historyMonths() < behaviour.featureWindow()) {
            problems.add(at, f.path("file"), "has " + read.historyMonths() + " months of history; behaviour.featureWindow ("
                    + behaviour.featureWindow() + ") needs at least that many");
            return null;
        }
        return read;
    }

    // ---- market, economics, behaviour

    /**
     * {@code market}, read through its declarations ({@link MarketParameter}): each value at its key, checked against
     * its declared range, its default when absent; a sub-mapping left out gets every default.
     */
    private Market market(Fields root) {
        Optional<YamlNode> node = root.required("market", "a mapping with at least potential and initialCustomers");
        if (node.isEmpty()) {
            return null;
        }
        int before = problems.size();
        Fields m = Fields.of(node.get(), "market", ScenarioKeys.MARKET, MarketParameter.Group.MARKET.what(), problems);
        if (m == null) {
            return null;
        }
        Map<MarketParameter, Double> values = new EnumMap<>(MarketParameter.class);
        marketValues(m, MarketParameter.Group.MARKET, values);
        Double potential = values.get(MarketParameter.POTENTIAL);
        Double initial = values.get(MarketParameter.INITIAL_CUSTOMERS);
        if (potential != null && initial != null && initial > potential) {
            problems.add(m.node("initialCustomers").orElseThrow(), m.path("initialCustomers"),
                    "must be <= potential (" + potential.longValue() + "), got " + text(m.node("initialCustomers").orElseThrow()));
        }
        for (MarketParameter.Group group : MarketParameter.Group.subGroups()) {
            Optional<YamlNode> sub = m.node(group.key());
            Fields g = sub.isEmpty() ? null : Fields.of(sub.get(), group.path(), ScenarioKeys.market(group), group.what(), problems);
            if (sub.isEmpty() || g != null) {
                marketValues(g, group, values);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return Market.of(values::get);
    }

    /** The group's values into {@code values} (null for one reported); {@code f} null: the group is absent, all defaults. */
    private void marketValues(Fields f, MarketParameter.Group group, Map<MarketParameter, Double> values) {
        for (MarketParameter p : group.parameters()) {
            // A default that follows an earlier value (referralCost: half the acquisitionCost) takes 0 for an invalid one.
            double defaultValue = p.defaultValue(q -> values.get(q) == null ? 0 : values.get(q));
            Double value;
            if (f == null) {
                value = defaultValue;
            } else if (p.required()) {
                value = toDouble(f.requiredInteger(p.key(), (long) p.min(), (long) p.max(), p.requiredAs()));
            } else {
                value = f.value(p, defaultValue);
            }
            values.put(p, value);
        }
    }

    /** {@code economics}: the currency, and the numbers read through their declarations ({@link EconomicsParameter}). */
    private Economics economics(YamlNode node, String path) {
        int before = problems.size();
        Fields e = Fields.of(node, path, ScenarioKeys.ECONOMICS, "a mapping of money values", problems);
        if (e == null) {
            return null;
        }
        String currency = e.text("currency", Economics.DEFAULT_CURRENCY, 100);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            problems.add(e.node("currency").orElseThrow(), e.path("currency"),
                    "must be a three-letter currency code such as EUR or USD, got '" + currency + "'");
        }
        Map<EconomicsParameter, Double> values = new EnumMap<>(EconomicsParameter.class);
        for (EconomicsParameter p : EconomicsParameter.values()) {
            values.put(p, e.value(p, p.defaultValue()));
        }
        if (problems.size() > before) {
            return null;
        }
        return Economics.of(currency, values::get);
    }

    /** {@code behaviour}, read through its declarations ({@link BehaviourParameter}): each value at its key, checked, its default when absent. */
    private Behaviour behaviour(YamlNode node, String path) {
        int before = problems.size();
        Fields b = Fields.of(node, path, ScenarioKeys.BEHAVIOUR, "a mapping of behaviour values", problems);
        if (b == null) {
            return null;
        }
        Map<BehaviourParameter, Double> values = new EnumMap<>(BehaviourParameter.class);
        for (BehaviourParameter p : BehaviourParameter.values()) {
            values.put(p, b.value(p, p.defaultValue()));
        }
        Double promoter = values.get(BehaviourParameter.PROMOTER_THRESHOLD);
        Double detractor = values.get(BehaviourParameter.DETRACTOR_THRESHOLD);
        if (promoter != null && detractor != null && detractor > promoter) {
            YamlNode at = b.node("detractorThreshold").orElse(b.node("promoterThreshold").orElse(b.mapping()));
            problems.add(at, b.path("detractorThreshold"), "must be <= promoterThreshold (" + Numbers.format(promoter)
                    + "), got " + Numbers.format(detractor) + "; a customer cannot be a promoter and a detractor at once");
        }
        if (problems.size() > before) {
            return null;
        }
        return Behaviour.of(values::get);
    }

    /** {@code observation}, read through its declarations ({@link ObservationParameter}); absent keys keep their defaults. */
    private Observation observation(YamlNode node, String path) {
        int before = problems.size();
        Fields o = Fields.of(node, path, ScenarioKeys.OBSERVATION,
                "a mapping of what the business observes, e.g. {surveyRate: 0.1, surveyNoise: 0.1, voiceRate: 0.5}", problems);
        if (o == null) {
            return null;
        }
        Map<ObservationParameter, Double> values = new EnumMap<>(ObservationParameter.class);
        for (ObservationParameter p : ObservationParameter.values()) {
            values.put(p, o.value(p, p.defaultValue()));
        }
        if (problems.size() > before) {
            return null;
        }
        return Observation.of(values::get);
    }

    /**
     * {@code mechanisms: {wordOfMouth: off, …}}: each key a {@link Mechanism}, each value on or off (true or false
     * too); absent keys are on. The switched-off ones.
     */
    private Set<Mechanism> mechanisms(YamlNode node, String path) {
        Fields f = Fields.of(node, path, ScenarioKeys.MECHANISMS,
                "a mapping of mechanism switches, e.g. {wordOfMouth: off}", problems);
        if (f == null) {
            return null;
        }
        Set<Mechanism> off = java.util.EnumSet.noneOf(Mechanism.class);
        for (YamlNode.Entry e : f.mapping().entries()) {
            Optional<Mechanism> mechanism = Mechanism.byKey(e.key());
            if (mechanism.isEmpty()) {
                continue; // reported by Fields.of with the allowed keys
            }
            Boolean on = switchValue(e.value());
            if (on == null) {
                if (Fields.isInvalid(e.value())) {
                    problems.addSilentFailure();
                } else {
                    problems.add(e.value(), f.path(e.key()), "must be on or off (or true or false), got " + e.value().describe());
                }
            } else if (!on) {
                off.add(mechanism.get());
            }
        }
        return off;
    }

    /** on/true → true, off/false → false, anything else null. */
    private static Boolean switchValue(YamlNode value) {
        if (!(value instanceof YamlNode.Scalar scalar)) {
            return null;
        }
        if (scalar.kind() == YamlNode.ScalarKind.BOOLEAN) {
            return scalar.flag();
        }
        if (scalar.kind() == YamlNode.ScalarKind.STRING) {
            return switch (scalar.text()) {
                case "on" -> Boolean.TRUE;
                case "off" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    // ---- archetypes

    private List<Archetype> archetypes(Fields root) {
        Optional<YamlNode> node = root.required("archetypes", "a list of the kinds of customer, whose shares sum to 1");
        if (node.isEmpty()) {
            return null;
        }
        Sequence list = Fields.list(node.get(), "archetypes", "a list of archetypes", problems);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty() || list.items().size() > MAX_ARCHETYPES) {
            problems.add(list, "archetypes", "must have between 1 and " + MAX_ARCHETYPES + " archetypes, got " + list.items().size());
            return null;
        }
        int before = problems.size();
        List<Archetype> archetypes = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = Paths.index("archetypes", i);
            Fields a = Fields.of(list.items().get(i), path, ScenarioKeys.ARCHETYPE, "a mapping (an archetype)", problems);
            if (a == null) {
                shares.add(null);
                continue;
            }
            String name = a.requiredName("name", "the archetype's name, e.g. loyal");
            unique(name, "archetype", names, i, a, "archetypes");
            Double share = a.requiredNumber("share", Range.PROBABILITY, "its share of the customers, in [0, 1]");
            shares.add(share);
            int atStart = problems.size();
            Map<Trait, Distribution> traits = new EnumMap<>(Trait.class);
            for (Trait t : Trait.values()) {
                traits.put(t, trait(a, t));
            }
            if (problems.size() == atStart && name != null && share != null) {
                archetypes.add(new Archetype(name, share, traits));
            }
        }
        if (!shares.contains(null)) {
            double sum = 0;
            for (double s : shares) {
                sum += s;
            }
            if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
                problems.add(list, "archetypes", "the shares must sum to 1, got " + Numbers.approx(sum, 10));
            }
        }
        return problems.size() > before ? null : archetypes;
    }

    /**
     * The trait as its declaration says: a distribution of its kind, or a plain number in its kind's range (a
     * constant); when absent, its default, or reported missing if it has none. Null after a problem.
     */
    private Distribution trait(Fields a, Trait t) {
        if (t.required()) {
            return a.required(t.key(), t.summary() + ", e.g. " + t.example()).map(n -> read(a, t, n)).orElse(null);
        }
        return a.node(t.key()).map(n -> read(a, t, n)).orElse(new Distribution.Constant(t.defaultValue()));
    }

    private Distribution read(Fields a, Trait t, YamlNode node) {
        if (t.isDistribution()) {
            return DistributionReader.read(node, a.path(t.key()), t.kind(), problems);
        }
        Double value = Fields.number(node, a.path(t.key()), t.kind().range(), problems);
        return value == null ? null : new Distribution.Constant(value);
    }

    /** Records a name and reports it when an earlier item of the same list had it. */
    private void unique(String name, String what, Map<String, Integer> seen, int index, Fields item, String listPath) {
        if (name == null) {
            return;
        }
        Integer first = seen.putIfAbsent(name, index);
        if (first != null) {
            problems.add(item.node("name").orElseThrow(), item.path("name"), "duplicate " + what + " name '" + name
                    + "' (also " + Paths.index(listPath, first) + "); names must be unique");
        }
    }

    // ---- taxonomy and thresholds

    private Taxonomy taxonomy(Fields root) {
        Optional<YamlNode> node = root.node("taxonomy");
        if (node.isEmpty()) {
            return BuiltInTaxonomies.fourTypes();
        }
        YamlNode t = node.get();
        if (t instanceof Scalar && ((Scalar) t).kind() == YamlNode.ScalarKind.STRING) {
            String name = ((Scalar) t).text();
            Optional<Taxonomy> builtIn = BuiltInTaxonomies.byName(name);
            if (builtIn.isEmpty()) {
                problems.add(t, "taxonomy", Suggestions.unknown("taxonomy", name, BuiltInTaxonomies.names()));
                return null;
            }
            return builtIn.get();
        }
        if (!(t instanceof Mapping)) {
            Fields.wrongType(t, "taxonomy", "must be a built-in taxonomy name (" + String.join(", ", BuiltInTaxonomies.names())
                    + ") or a mapping with segments", problems);
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(t, "taxonomy", ScenarioKeys.TAXONOMY, "a mapping", problems);
        String name = f.has("name") ? f.requiredName("name", "") : CUSTOM_TAXONOMY;
        Optional<YamlNode> segmentsNode = f.required("segments", "an ordered list of segments; the last one, without when, is the default");
        if (segmentsNode.isEmpty()) {
            return null;
        }
        Sequence list = Fields.list(segmentsNode.get(), f.path("segments"), "a list of segments", problems);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty() || list.items().size() > Taxonomy.MAX_SEGMENTS) {
            problems.add(list, f.path("segments"), "must have between 1 and " + Taxonomy.MAX_SEGMENTS
                    + " segments, got " + list.items().size());
            return null;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = Paths.index(f.path("segments"), i);
            Fields s = Fields.of(list.items().get(i), path, ScenarioKeys.SEGMENT, "a mapping (a segment)", problems);
            if (s == null) {
                continue;
            }
            String segmentName = s.requiredText("name", 1000, "the segment's name");
            Rule rule = s.node("when").map(w -> rule(w, s.path("when"))).orElse(null);
            if (segmentName != null) {
                segments.add(new Segment(segmentName, Optional.ofNullable(rule)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Taxonomy(name, segments);
        } catch (DefinitionException e) {
            report(e, t, "taxonomy");
            return null;
        }
    }

    /** A {@code when}: a list of clauses (OR), or one clause; a clause maps features to conditions (AND). */
    private Rule rule(YamlNode node, String path) {
        List<List<Condition>> clauses = new ArrayList<>();
        int before = problems.size();
        if (node instanceof Mapping) {
            clauses.add(clause(node, path));
        } else if (node instanceof Sequence) {
            Sequence list = (Sequence) node;
            if (list.items().isEmpty()) {
                problems.add(list, path, "must have at least one clause, e.g. [{frequency: {min: 6}}]");
            }
            for (int i = 0; i < list.items().size(); i++) {
                clauses.add(clause(list.items().get(i), Paths.index(path, i)));
            }
        } else {
            Fields.wrongType(node, path, "must be a list of clauses or one clause, e.g. {frequency: {min: 6}}", problems);
        }
        return problems.size() > before ? null : new Rule(clauses);
    }

    private List<Condition> clause(YamlNode node, String path) {
        Mapping m = Fields.map(node, path, "a mapping of features to conditions, e.g. {frequency: {min: 6}}", problems);
        if (m == null) {
            return null;
        }
        if (m.entries().isEmpty()) {
            problems.add(m, path, "a clause needs at least one condition, e.g. {frequency: {min: 6}}");
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Entry e : m.entries()) {
            String featurePath = Paths.key(path, e.key());
            Optional<Feature> feature = Feature.byKey(e.key());
            if (feature.isEmpty()) {
                problems.add(e.keyLocation(), featurePath, Suggestions.unknown("feature", e.key(), ScenarioKeys.CLAUSE));
                continue;
            }
            Mapping comparisons = Fields.map(e.value(), featurePath, "a mapping of comparisons, e.g. {min: 6}", problems);
            if (comparisons == null) {
                continue;
            }
            if (comparisons.entries().isEmpty()) {
                problems.add(comparisons, featurePath, "needs at least one of " + Comparison.allowedKeys());
            }
            for (Entry c : comparisons.entries()) {
                Optional<Comparison> comparison = Comparison.byKey(c.key());
                if (comparison.isEmpty()) {
                    problems.add(c.keyLocation(), Paths.key(featurePath, c.key()),
                            Suggestions.unknown("comparison", c.key(), ScenarioKeys.CONDITION));
                    continue;
                }
                Double threshold = Fields.number(c.value(), Paths.key(featurePath, c.key()), THRESHOLD, problems);
                if (threshold != null) {
                    conditions.add(Condition.of(feature.get(), comparison.get(), threshold));
                }
            }
        }
        return conditions;
    }

    /** Applies {@code thresholds} (path → number) to the taxonomy with {@link Taxonomy#withThreshold}. */
    private Taxonomy thresholds(Fields root, Taxonomy taxonomy) {
        Optional<YamlNode> node = root.node("thresholds");
        if (node.isEmpty()) {
            return taxonomy;
        }
        Mapping m = Fields.map(node.get(), "thresholds", "a mapping of threshold paths to numbers, e.g. loyal.frequency.min: 6", problems);
        if (m == null) {
            return null;
        }
        Taxonomy result = taxonomy;
        for (Entry e : m.entries()) {
            String path = Paths.key("thresholds", e.key());
            Double value = Fields.number(e.value(), path, THRESHOLD, problems);
            if (value == null || result == null) {
                continue;
            }
            List<String> allowed = result.thresholdPaths();
            if (!allowed.contains(e.key())) {
                // A path a built-in once had says what to write instead, rather than "unknown".
                String message = BuiltInTaxonomies.retiredThreshold(result.name(), e.key())
                        .orElse(Suggestions.unknown("threshold", e.key(), allowed) + " (taxonomy '" + result.name() + "')");
                problems.add(e.keyLocation(), path, message);
                continue;
            }
            try {
                result = result.withThreshold(e.key(), value);
            } catch (DefinitionException ex) {
                for (Problem p : ex.problems()) {
                    String where = p.path().equals(e.key()) ? "" : " (taxonomy." + p.path() + ")";
                    problems.add(e.value(), path, p.message() + where);
                }
                result = null;
            }
        }
        return result;
    }

    // ---- truth

    private Map<String, String> truth(Fields root, List<Archetype> archetypes, Taxonomy taxonomy) {
        Optional<YamlNode> node = root.node("truth");
        if (node.isEmpty()) {
            return Map.of();
        }
        Mapping m = Fields.map(node.get(), "truth", "a mapping of archetype names to segment names, e.g. loyal: loyal", problems);
        if (m == null) {
            return null;
        }
        Map<String, String> truth = new LinkedHashMap<>();
        List<String> archetypeNames = archetypes == null ? null : archetypes.stream().map(Archetype::name).toList();
        for (Entry e : m.entries()) {
            String path = Paths.key("truth", e.key());
            if (archetypeNames != null && !archetypeNames.contains(e.key())) {
                problems.add(e.keyLocation(), path, Suggestions.unknown("archetype", e.key(), archetypeNames));
            }
            String segment = Fields.text(e.value(), path, 1000, problems);
            if (segment != null && taxonomy != null && taxonomy.indexOf(segment) < 0) {
                problems.add(e.value(), path, Suggestions.unknown("segment", segment, taxonomy.segmentNames())
                        + " (taxonomy '" + taxonomy.name() + "')");
            }
            truth.put(e.key(), segment);
        }
        if (archetypeNames != null && !truth.isEmpty()) {
            List<String> missing = archetypeNames.stream().filter(a -> !truth.containsKey(a)).toList();
            if (!missing.isEmpty()) {
                problems.add(m, "truth", "has no segment for archetype" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; map every archetype, or leave truth out");
            }
        }
        return truth;
    }

    // ---- treatments and strategies

    private Map<String, Treatment> treatments(Fields root) {
        Map<String, Treatment> known = new LinkedHashMap<>(BuiltInTreatments.all());
        Optional<YamlNode> node = root.node("treatments");
        if (node.isEmpty()) {
            return known;
        }
        Mapping m = Fields.map(node.get(), "treatments", "a mapping of treatment names to parameters, e.g. price-campaign: {discount: 0.2}", problems);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        for (Entry e : m.entries()) {
            String path = Paths.key("treatments", e.key());
            String name = Fields.name(Scalar.string(e.keyLocation(), e.key()), path, problems);
            Fields f = Fields.of(e.value(), path, ScenarioKeys.TREATMENT, "a mapping of treatment parameters, e.g. {discount: 0.2}", problems);
            if (name == null || f == null) {
                continue;
            }
            // A built-in's name overrides it; a new name starts from its base, or from no effect at all.
            Treatment start = BuiltInTreatments.byName(name).orElse(Treatment.neutral(name));
            if (f.has("base")) {
                String base = Fields.text(f.node("base").get(), f.path("base"), 1000, problems);
                if (base != null && known.containsKey(base)) {
                    start = known.get(base).renamed(name);
                } else if (base != null) {
                    boolean below = m.entry(base).isPresent() && !base.equals(name);
                    problems.add(f.node("base").get(), f.path("base"), below
                            ? "treatment '" + base + "' is defined below; a base must be built in or defined above"
                            : Suggestions.unknown("treatment", base, new ArrayList<>(known.keySet())));
                }
            }
            Map<TreatmentParameter, Double> values = new EnumMap<>(TreatmentParameter.class);
            for (Entry p : f.mapping().entries()) {
                Optional<TreatmentParameter> parameter = TreatmentParameter.byKey(p.key());
                if (parameter.isEmpty()) {
                    continue; // "base", or an unknown key already reported
                }
                Double value = parameter(parameter.get(), p.value(), Paths.key(path, p.key()));
                if (value != null) {
                    values.put(parameter.get(), value);
                }
            }
            try {
                known.put(name, start.with(values));
            } catch (DefinitionException ex) {
                report(ex, e.value(), path);
            }
        }
        return problems.size() > before ? null : known;
    }

    private Double parameter(TreatmentParameter p, YamlNode node, String path) {
        if (p.isFlag()) {
            Boolean flag = Fields.flag(node, path, problems);
            return flag == null ? null : (flag ? 1.0 : 0.0);
        }
        Double value = Fields.number(node, path, Range.between(-Double.MAX_VALUE, Double.MAX_VALUE), problems);
        if (value == null) {
            return null;
        }
        String wrong = p.check(value);
        if (wrong != null) {
            problems.add(node, path, wrong.replaceFirst(", got .*$", ", got " + text(node)));
            return null;
        }
        return value;
    }

    private List<Strategy> strategies(Fields root, Taxonomy taxonomy, Map<String, Treatment> treatments,
                                      List<Archetype> archetypes, Market market) {
        Optional<YamlNode> node = root.required("strategies", "a list of strategies, e.g. [{name: baseline, treatments: {default: none}}]");
        if (node.isEmpty()) {
            return null;
        }
        Sequence list = Fields.list(node.get(), "strategies", "a list of strategies", problems);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty() || list.items().size() > MAX_STRATEGIES) {
            problems.add(list, "strategies", "must have between 1 and " + MAX_STRATEGIES + " strategies, got " + list.items().size());
            return null;
        }
        int before = problems.size();
        List<Strategy> strategies = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = Paths.index("strategies", i);
            Fields s = Fields.of(list.items().get(i), path, ScenarioKeys.STRATEGY, "a mapping (a strategy)", problems);
            if (s == null) {
                continue;
            }
            int atStart = problems.size();
            String name = s.requiredName("name", "the strategy's name, e.g. textbook");
            unique(name, "strategy", names, i, s, "strategies");
            OptionalDouble budget = OptionalDouble.empty();
            if (s.has("budget")) {
                Double b = s.number("budget", 0, Range.MONEY);
                budget = b == null ? budget : OptionalDouble.of(b);
            }
            Map<String, String> map = strategyTreatments(s, taxonomy, treatments);
            Advertising advertising = s.node("advertising").map(n -> advertising(n, s.path("advertising"), archetypes, market))
                    .orElse(Advertising.NONE);
            if (problems.size() > atStart) {
                continue;
            }
            Strategy strategy = new Strategy(name, budget, map, advertising);
            winBackNeedsReturners(s, map, treatments, market);
            if (taxonomy != null && treatments != null) {
                try {
                    strategy.resolve(taxonomy, treatments);
                } catch (DefinitionException ex) {
                    report(ex, list.items().get(i), path);
                    continue;
                }
            }
            strategies.add(strategy);
        }
        return problems.size() > before ? null : strategies;
    }

    /** A win-back offer needs ex-customers open to returning: with {@code market.winBack.share} 0 it could only cost. */
    private void winBackNeedsReturners(Fields s, Map<String, String> map, Map<String, Treatment> treatments, Market market) {
        if (market == null || treatments == null || market.winBack().share() > 0) {
            return;
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            Treatment t = treatments.get(e.getValue());
            if (t != null && t.winBackProbability() > 0) {
                problems.add(s.node("treatments").orElse(s.mapping()), Paths.key(s.path("treatments"), e.getKey()),
                        "treatment '" + e.getValue() + "' makes win-back offers, but nobody who churns is open to returning "
                        + "(market.winBack.share is 0); set market.winBack: {share: 0.3, delay: 6} or choose another treatment");
                return;
            }
        }
    }

    /**
     * {@code advertising: 20000} (a monthly spend) or {@code {spend, targets: [archetype, …], tilt}}. A campaign scales
     * the market's innovation p, so it needs p > 0.
     */
    private Advertising advertising(YamlNode node, String path, List<Archetype> archetypes, Market market) {
        int before = problems.size();
        Double spend;
        List<String> targets = new ArrayList<>();
        double tilt = 1;
        if (node instanceof YamlNode.Scalar) {
            spend = Fields.number(node, path, Range.MONEY, problems);
        } else {
            Fields a = Fields.of(node, path, ScenarioKeys.ADVERTISING,
                    "a monthly spend, or a mapping such as {spend: 20000, targets: [devoted], tilt: 3}", problems);
            if (a == null) {
                return null;
            }
            spend = a.requiredNumber("spend", Range.MONEY, "the money spent on advertising per month");
            Double t = a.number("tilt", 3, Range.between(1, 100));
            tilt = t == null ? tilt : t;
            Optional<YamlNode> list = a.node("targets");
            if (list.isPresent()) {
                Sequence items = Fields.list(list.get(), a.path("targets"), "a list of archetype names", problems);
                if (items != null) {
                    List<String> names = archetypes == null ? null : archetypes.stream().map(Archetype::name).toList();
                    for (int k = 0; k < items.items().size(); k++) {
                        String itemPath = Paths.index(a.path("targets"), k);
                        String target = Fields.text(items.items().get(k), itemPath, 1000, problems);
                        if (target != null && names != null && !names.contains(target)) {
                            problems.add(items.items().get(k), itemPath, Suggestions.unknown("archetype", target, names));
                        }
                        targets.add(target);
                    }
                }
            }
        }
        if (spend != null && spend > 0 && market != null && market.innovation() == 0) {
            problems.add(node, path, "a campaign scales the market's standing advertising (market.innovation), which is 0; "
                    + "set market.innovation > 0 or remove the advertising");
        }
        return problems.size() > before ? null : new Advertising(spend, targets, tilt);
    }

    private Map<String, String> strategyTreatments(Fields s, Taxonomy taxonomy, Map<String, Treatment> treatments) {
        Optional<YamlNode> node = s.required("treatments", "a mapping of segment names (or default) to treatment names");
        if (node.isEmpty()) {
            return null;
        }
        Mapping m = Fields.map(node.get(), s.path("treatments"), "a mapping of segment names (or default) to treatment names", problems);
        if (m == null) {
            return null;
        }
        if (m.entries().isEmpty()) {
            problems.add(m, s.path("treatments"), "must name at least one segment or default, e.g. {default: none}");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
            String path = Paths.key(s.path("treatments"), e.key());
            if (taxonomy != null && !Strategy.DEFAULT.equals(e.key()) && taxonomy.indexOf(e.key()) < 0) {
                List<String> allowed = new ArrayList<>(taxonomy.segmentNames());
                allowed.add(Strategy.DEFAULT);
                problems.add(e.keyLocation(), path, Suggestions.unknown("segment", e.key(), allowed)
                        + " (taxonomy '" + taxonomy.name() + "')");
            }
            String treatment = Fields.text(e.value(), path, 1000, problems);
            if (treatment != null && treatments != null && !treatments.containsKey(treatment)) {
                problems.add(e.value(), path, Suggestions.unknown("treatment", treatment, new ArrayList<>(treatments.keySet())));
            }
            map.put(e.key(), treatment);
        }
        return map;
    }

    // ---- events

    private List<Event> events(Fields root, Long months) {
        Optional<YamlNode> node = root.node("events");
        if (node.isEmpty()) {
            return List.of();
        }
        Sequence list = Fields.list(node.get(), "events", "a list of events", problems);
        if (list == null) {
            return null;
        }
        if (list.items().size() > MAX_EVENTS) {
            problems.add(list, "events", "must have at most " + MAX_EVENTS + " events, got " + list.items().size());
            return null;
        }
        int before = problems.size();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = Paths.index("events", i);
            Fields e = Fields.of(list.items().get(i), path, ScenarioKeys.EVENT, "a mapping (an event)", problems);
            if (e == null) {
                continue;
            }
            int atStart = problems.size();
            EventType type = null;
            Optional<YamlNode> typeNode = e.required("type", "one of " + EventType.allowedKeys());
            if (typeNode.isPresent()) {
                String key = Fields.text(typeNode.get(), e.path("type"), 1000, problems);
                if (key != null) {
                    type = EventType.byKey(key).orElse(null);
                    if (type == null) {
                        problems.add(typeNode.get(), e.path("type"), Suggestions.unknown("event type", key,
                                List.of(EventType.allowedKeys().split(", "))));
                    }
                }
            }
            Long month = e.required("month", "the month it starts, 1 to months").isPresent() ? month(e, months) : null;
            Map<EventParameter, Double> values = new EnumMap<>(EventParameter.class);
            for (EventParameter p : EventParameter.values()) {
                values.put(p, e.value(p, p.defaultValue()));
            }
            if (problems.size() == atStart) {
                events.add(Event.of(type, month.intValue(), values));
            }
        }
        return problems.size() > before ? null : events;
    }

    private static Double toDouble(Long value) {
        return value == null ? null : Double.valueOf(value);
    }

    private Long month(Fields e, Long months) {
        YamlNode node = e.node("month").orElseThrow();
        if (months == null) {
            return Fields.integer(node, e.path("month"), 1, MAX_MONTHS, problems);
        }
        Long month = Fields.integer(node, e.path("month"), Long.MIN_VALUE, Long.MAX_VALUE, problems);
        if (month != null && (month < 1 || month > months)) {
            problems.add(node, e.path("month"), "must be between 1 and months (" + months + "), got " + text(node));
            return null;
        }
        return month;
    }

    // ---- model problems

    /** Reports a model {@link DefinitionException}: each problem's relative path under {@code prefix}, located in {@code base}. */
    private void report(DefinitionException e, YamlNode base, String prefix) {
        for (Problem p : e.problems()) {
            Problem full = p.under(prefix);
            problems.add(Locator.find(base, p.path()), full.path(), full.message());
        }
    }

    private static String text(YamlNode node) {
        return node instanceof Scalar ? ((Scalar) node).text() : node.describe();
    }
}
