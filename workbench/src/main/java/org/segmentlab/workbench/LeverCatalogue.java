package org.segmentlab.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.BehaviourParameter;
import org.segmentlab.simulator.scenario.DeclaredValue;
import org.segmentlab.simulator.scenario.EventParameter;
import org.segmentlab.simulator.scenario.MarketParameter;
import org.segmentlab.simulator.scenario.ObservationParameter;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Every value the page can change, in one place (treatment and event values derived from their declarations): the
 * override path pattern, a plain-language label, the unit, the scenario schema's description of the value (the help
 * line, so the page and the schema never disagree) and how the slider's range is chosen. {@link ScenarioLevers}
 * decides which of them a scenario gets; this class only says how a lever for a path looks. A path no entry matches has no control on the page.
 */
final class LeverCatalogue {

    /** How a lever is shown and how its slider's ends are chosen from the scenario's value. */
    enum Range {
        /** A share in [0, 1] (capped by the schema's maximum), in steps of 0.01. */
        SHARE,
        /** A small monthly probability (Bass p): up to four times the value. */
        SMALL_SHARE,
        /** A change per month in [−1, 1]. */
        SIGNED,
        /** An amount ≥ 0 (money, a rate, a weight): up to three times the value, at a readable end. */
        AMOUNT,
        /** A multiplier around 1: up to twice the value, at least 3. */
        MULTIPLIER,
        /** Customers: up to the server's cap. */
        CUSTOMERS,
        /** A number of months. */
        MONTHS,
        /** A number box without a slider (the seed: neighbouring seeds mean nothing). */
        BOX,
        /** One of a few values (replications). */
        CHOICE,
        /** Text in the scenario's YAML form (the promotions calendar). */
        TEXT,
        /** A segment threshold on a feature (the range depends on the feature). */
        THRESHOLD
    }

    /**
     * One kind of value: {@code label} and {@code unit} may name {@code {name}} (the treatment, strategy, archetype
     * or event the path belongs to) and {@code {currency}}; {@code schema} is the JSON pointer of its description.
     */
    record Entry(Pattern pattern, String label, String unit, String schema, Range range) {
    }

    /**
     * A control for the page: what it changes and how it looks.
     *
     * @param path    the override path it sets, e.g. {@code treatments.price-campaign.leakage}
     * @param label   plain language, e.g. "price-campaign: share of discounts leaking to non-targeted customers"
     * @param group   the panel it sits in
     * @param unit    e.g. "EUR per customer-month", "months", "share 0–1" ("" when a number has no unit)
     * @param share   whether the value is a fraction the page also shows as a percentage
     * @param help    one line from the scenario schema's description of the value
     * @param kind    range (slider and box), box, choice or text
     * @param value   the scenario's value, as the page shows and sends it
     * @param choices the allowed values of a choice, else empty
     */
    record Lever(String path, String label, String group, String unit, boolean share, String help, String kind,
            double min, double max, double step, String value, List<String> choices) {
    }

    private static final String MARKET = "/$defs/market/properties/";
    private static final String BEHAVIOUR = "/$defs/behaviour/properties/";
    private static final String TREATMENT = "/$defs/treatment/properties/";
    private static final String EVENT = "/$defs/event/properties/";
    private static final String OBSERVATION = "/$defs/observation/properties/";
    private static final String TREATMENTS = "treatments\\.([^.]+)\\.";
    private static final String EVENTS = "events\\[(\\d+)]\\.";

    private static final List<Entry> ENTRIES = entries(List.of(
            entry("market\\.initialCustomers", "Customers at month 0", "customers", MARKET + "initialCustomers", Range.CUSTOMERS),
            entry("months", "Months simulated", "months", "/properties/months", Range.MONTHS),
            entry("seed", "Random seed", "", "/properties/seed", Range.BOX),
            entry("replications", "Replications (independent runs, for 95% intervals)", "runs", "/properties/replications", Range.CHOICE),
            entry("market\\.innovation", "Monthly joining from advertising (Bass p)", "per month", MARKET + "innovation", Range.SMALL_SHARE),
            entry("promotions", "Routine sales calendar ([] = no sales)", "YAML", "/properties/promotions", Range.TEXT),
            entry("strategies\\[\\d+]\\.budget", "{name}: monthly treatment budget", "{currency} per month", "/$defs/strategy/properties/budget", Range.AMOUNT),
            entry("archetypes\\.([^.]+)\\.share", "{name}: share of the customers", "share 0–1", "/$defs/archetype/properties/share", Range.SHARE),
            entry("archetypes\\.([^.]+)\\.repAttached", "{name}: tied to a sales representative", "share 0–1", "/$defs/archetype/properties/repAttached", Range.SHARE),
            entry(EVENTS + "month", "{name}: first month", "month", EVENT + "month", Range.MONTHS),
            entry("thresholds\\.([^.]+)\\.([^.]+)\\.(min|max|above|below)", "{name}", "", "/$defs/clause/properties/{2}", Range.THRESHOLD)));

    /** Threshold comparisons in words. */
    private static final Map<String, String> COMPARISONS = Map.of("min", "at least", "max", "at most", "above", "more than",
            "below", "less than");
    /** Replications the page offers: one run, or enough for an interval. */
    static final List<String> REPLICATIONS = List.of("1", "5", "10");

    private static final JsonNode SCHEMA = readSchema();

    private LeverCatalogue() {
    }

    private static Entry entry(String pattern, String label, String unit, String schema, Range range) {
        return new Entry(Pattern.compile(pattern), label, unit, schema, range);
    }

    /**
     * The listed entries, then one per treatment parameter and per event value, derived from their declarations
     * ({@link TreatmentParameter}, {@link EventParameter}), and one per market, behaviour and observation value whose
     * declaration gives it a {@code Control}: a new one has its control without an edit here. Switches (blockDiscounts,
     * terminate) have none: the page changes numbers. A listed entry wins over a derived one for the same path.
     */
    private static List<Entry> entries(List<Entry> listed) {
        List<Entry> all = new ArrayList<>(listed);
        for (TreatmentParameter p : TreatmentParameter.values()) {
            if (!p.isFlag()) {
                all.add(declared(TREATMENTS, TREATMENT, p.key(), p.label(), p.unit(), p.min(), p.max(), p.neutral()));
            }
        }
        for (EventParameter p : EventParameter.values()) {
            all.add(declared(EVENTS, EVENT, p.key(), p.label(), p.unit(), p.min(), p.max(), p.defaultValue()));
        }
        for (MarketParameter p : MarketParameter.values()) {
            p.control().ifPresent(c -> all.add(declared("", MARKET, p.path(), p.key(), c.label(), p)));
        }
        for (BehaviourParameter p : BehaviourParameter.values()) {
            p.control().ifPresent(c -> all.add(declared("", BEHAVIOUR, p.path(), p.key(), c.label(), p)));
        }
        for (ObservationParameter p : ObservationParameter.values()) {
            p.control().ifPresent(c -> all.add(declared("", OBSERVATION, p.path(), p.key(), c.label(), p)));
        }
        return List.copyOf(all);
    }

    /** A market, behaviour or observation value with a control: its lever at its path. */
    private static Entry declared(String owner, String schema, String path, String key, String label, DeclaredValue p) {
        Range range = rangeOf(p.unit(), p.min(), p.max(), p.defaultValue());
        String shown = range == Range.SHARE ? "share 0–1" : p.unit().replace("currency", "{currency}");
        return entry(owner + Pattern.quote(path), label, shown, schema + key, range);
    }

    private static Entry declared(String owner, String schema, String key, String label, String unit, double min,
                                  double max, double neutral) {
        Range range = rangeOf(unit, min, max, neutral);
        String shown = range == Range.SHARE ? "share 0–1" : unit.replace("currency", "{currency}");
        return entry(owner + Pattern.quote(key), "{name}: " + label, shown, schema + key, range);
    }

    /** The slider a declared value gets, from its unit, range and neutral value. */
    static Range rangeOf(String unit, double min, double max, double neutral) {
        if (unit.equals("months")) {
            return Range.MONTHS;
        }
        if (min >= 0 && max <= 1) {
            return Range.SHARE;
        }
        if (min == -1 && max == 1) {
            return Range.SIGNED;
        }
        return neutral == 1 && unit.equals("×") ? Range.MULTIPLIER : Range.AMOUNT;
    }

    /** The entry whose pattern matches the whole path, if any. */
    static Optional<Entry> find(String path) {
        return ENTRIES.stream().filter(e -> e.pattern().matcher(path).matches()).findFirst();
    }

    /** Whether the page can change this path. */
    static boolean covers(String path) {
        return find(path).isPresent();
    }

    /**
     * The lever for a path.
     *
     * @param owner    the name of what the path belongs to (treatment, strategy, archetype, event), or null
     * @param value    the scenario's value (for text levers: its YAML text in {@code text})
     * @param currency the scenario's money unit
     * @param cap      the largest population this server runs (the customers slider's end)
     * @throws IllegalArgumentException when the catalogue has no entry for the path (a programming error)
     */
    static Lever lever(String path, String group, String owner, double value, String text, String currency, int cap) {
        Entry e = find(path).orElseThrow(() -> new IllegalArgumentException("no lever for path " + path));
        Matcher m = e.pattern().matcher(path);
        m.matches();
        String pointer = e.schema().replace("{2}", m.groupCount() >= 2 ? m.group(2) : "");
        JsonNode node = SCHEMA.at(pointer);
        String label = e.range() == Range.THRESHOLD ? thresholdLabel(m.group(1), node, m.group(3))
                : e.label().replace("{name}", owner == null ? "" : owner);
        String unit = e.unit().replace("{currency}", currency);
        boolean share = unit.startsWith("share");
        double schemaMax = node.path("maximum").asDouble(Double.POSITIVE_INFINITY);
        double schemaMin = node.path("minimum").asDouble(Double.NEGATIVE_INFINITY);
        double[] range = range(e.range(), path, value, schemaMin, schemaMax, cap);
        String kind = switch (e.range()) {
            case BOX -> "box";
            case CHOICE -> "choice";
            case TEXT -> "text";
            default -> "range";
        };
        String shown = e.range() == Range.TEXT ? text : e.range() == Range.THRESHOLD ? number((float) value) : number(value);
        List<String> choices = e.range() == Range.CHOICE ? choices(shown) : List.of();
        return new Lever(path, label, group, unit, share, help(node), kind, range[0], range[1], range[2], shown, choices);
    }

    /** The slider's min, max and step. */
    private static double[] range(Range range, String path, double v, double schemaMin, double schemaMax, int cap) {
        return switch (range) {
            case SHARE -> new double[] {Math.max(0, schemaMin), Math.min(1, schemaMax), 0.01};
            case SMALL_SHARE -> new double[] {0, Math.max(0.02, 4 * v), 0.0005};
            case SIGNED -> new double[] {-1, 1, 0.01};
            case MULTIPLIER -> new double[] {0, Math.max(3, niceCeiling(2 * v)), 0.05};
            case CUSTOMERS -> new double[] {1000, Math.max(cap, v), 1000};
            case MONTHS -> new double[] {1, Math.max(120, niceCeiling(2 * v)), 1};
            case AMOUNT -> {
                double max = Math.min(schemaMax, niceCeiling(Math.max(v == Math.rint(v) && v >= 10 ? 10 : 1, 3 * Math.abs(v))));
                boolean whole = v == Math.rint(v) && max >= 30;
                // a relative change (acquisitionBoost) may go down to its schema minimum
                yield new double[] {Math.min(0, Math.max(schemaMin, -max)), max, whole ? Math.max(1, max / 100) : max / 100};
            }
            case THRESHOLD -> thresholdRange(path, v);
            case BOX, CHOICE, TEXT -> new double[] {0, 0, 0};
        };
    }

    /** Features whose values are shares or scores in [0, 1]. */
    private static final List<String> UNIT_FEATURES = List.of("discountShare", "satisfaction", "valueRank");

    private static double[] thresholdRange(String path, double v) {
        String feature = path.split("\\.")[2];
        if (UNIT_FEATURES.contains(feature)) {
            return new double[] {0, 1, 0.01};
        }
        double max = niceCeiling(Math.max(1, 3 * Math.abs(v)));
        double min = v < 0 || feature.equals("margin") ? -max : 0;
        // Ratios (promoLift, serviceToMargin) move in small steps around 1 even when the default is whole.
        boolean ratio = feature.equals("promoLift") || feature.equals("serviceToMargin");
        double step = ratio ? 0.05 : max <= 30 ? (v == Math.rint(v) ? 1 : 0.1) : max / 100;
        return new double[] {min, max, step};
    }

    private static String thresholdLabel(String segment, JsonNode feature, String comparison) {
        String what = sentence(feature.path("description").asText(""));
        what = what.isEmpty() ? "" : Character.toLowerCase(what.charAt(0)) + what.substring(1).replaceAll("[.]$", "");
        return segment + ": " + what + ", " + COMPARISONS.get(comparison);
    }

    private static List<String> choices(String value) {
        if (REPLICATIONS.contains(value)) {
            return REPLICATIONS;
        }
        // A scenario's own number of replications stays choosable.
        List<String> out = new java.util.ArrayList<>(REPLICATIONS);
        out.add(value);
        out.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        return List.copyOf(out);
    }

    /** The description's first sentence: the help line under the control. */
    private static String help(JsonNode node) {
        return sentence(node.path("description").asText(""));
    }

    private static String sentence(String text) {
        // A sentence ends at ". " before a capital letter ("e.g. loyal" does not end one).
        Matcher m = Pattern.compile("^(.+?[.])\\s+(?=[A-Z])").matcher(text);
        return m.find() ? m.group(1) : text;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x}: slider ends a person can read. */
    static double niceCeiling(double x) {
        if (!(x > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= x) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A value as the page shows it: whole numbers without ".0", others by their shortest decimal text. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A float value (thresholds are floats) by its shortest float text: 0.3, not 0.30000001192092896. */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static JsonNode readSchema() {
        try {
            return new ObjectMapper().readTree(Scenarios.schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
