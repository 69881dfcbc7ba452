package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.segmentlab.model.treatment.TreatmentParameter;

/**
 * The docs tables derived from the declarations: treatment parameters ({@link TreatmentParameter}), event types
 * ({@link EventType}), event parameters ({@link EventParameter}), archetype traits ({@link Trait}), market values
 * ({@link MarketParameter}), behaviour values ({@link BehaviourParameter}) and observation values
 * ({@link ObservationParameter}), as Markdown lines. A page
 * ({@link #page}) holds each between {@code <!-- declared:NAME:begin -->} and {@code <!-- declared:NAME:end -->}; a
 * test keeps them in step ({@code docs/regenerate-declarations.sh} rewrites them).
 */
public final class DeclarationTables {

    /** The table names, as in the page's markers. */
    public static final String TREATMENT_PARAMETERS = "treatment-parameters";
    public static final String EVENT_TYPES = "event-types";
    public static final String EVENT_PARAMETERS = "event-parameters";
    public static final String TRAITS = "traits";
    public static final String MARKET = "market";
    public static final String BEHAVIOUR = "behaviour";
    public static final String OBSERVATION = "observation";
    public static final String ECONOMICS = "economics";

    /** The page of the treatments and events tables, from the repository's root. */
    public static final String SEGMENTS_PAGE = "docs/segments.md";
    /** The page of the traits, market, behaviour, observation and economics tables. */
    public static final String MODEL_PAGE = "docs/model.md";

    private DeclarationTables() {
    }

    /** The table of that name (one of the constants), one Markdown line per element. */
    public static List<String> table(String name) {
        return switch (name) {
            case TREATMENT_PARAMETERS -> treatmentParameters();
            case EVENT_TYPES -> eventTypes();
            case EVENT_PARAMETERS -> eventParameters();
            case TRAITS -> traits();
            case MARKET -> market();
            case BEHAVIOUR -> behaviour();
            case OBSERVATION -> observation();
            case ECONOMICS -> economics();
            default -> throw new IllegalArgumentException("no declared table " + name);
        };
    }

    /** The names of every table. */
    public static List<String> names() {
        return List.of(TREATMENT_PARAMETERS, EVENT_TYPES, EVENT_PARAMETERS, TRAITS, MARKET, BEHAVIOUR, OBSERVATION, ECONOMICS);
    }

    /** The page that holds the table of that name, from the repository's root. */
    public static String page(String name) {
        return List.of(TRAITS, MARKET, BEHAVIOUR, OBSERVATION, ECONOMICS).contains(name) ? MODEL_PAGE : SEGMENTS_PAGE;
    }

    private static List<String> treatmentParameters() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | neutral | unit | applies to | meaning |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (TreatmentParameter p : TreatmentParameter.values()) {
            String allowed = switch (p.kind()) {
                case FLAG -> "true or false";
                case WHOLE -> "whole number " + range(p.min(), p.max());
                case NUMBER -> range(p.min(), p.max());
            };
            String neutral = p.isFlag() ? Boolean.toString(p.neutral() != 0) : number(p.neutral());
            String meaning = p.help();
            if (!p.needs().isEmpty()) {
                meaning += " Has an effect only with " + String.join(", ", p.needs().stream().map(n -> "`" + n + "`").toList())
                        + " (or the like).";
            }
            lines.add(row("`" + p.key() + "`", allowed, neutral, p.unit(), p.scope().description(), meaning));
        }
        return lines;
    }

    private static List<String> eventTypes() {
        List<String> lines = new ArrayList<>();
        lines.add("| type | touches (a `share` of them) | meaning |");
        lines.add("| --- | --- | --- |");
        for (EventType t : EventType.values()) {
            String meaning = t.help();
            if (!t.needs().isEmpty()) {
                meaning += " Touches someone only with " + String.join(", ", t.needs().stream().map(n -> "`" + n + "`").toList())
                        + " (or the like).";
            }
            lines.add(row("`" + t.key() + "`", t.eligible(), meaning));
        }
        return lines;
    }

    private static List<String> eventParameters() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- |");
        List<String> types = Arrays.stream(EventType.values()).map(t -> "`" + t.key() + "`").toList();
        lines.add(row("`events[].type`", String.join(", ", types), "required", "", "The kind of event (table above)."));
        lines.add(row("`events[].month`", "whole number 1 … months", "required", "month", "First month in effect."));
        for (EventParameter p : EventParameter.values()) {
            String meaning = p.isEffect() ? p.help() + " The default has no effect." : p.help();
            lines.add(row("`events[]." + p.key() + "`", allowed(p), number(p.defaultValue()), p.unit(), meaning));
        }
        return lines;
    }

    private static List<String> traits() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | written as | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (Trait t : Trait.values()) {
            String key = "`" + t.key() + "`" + (t.symbol().isEmpty() ? "" : " " + t.symbol());
            String writtenAs = switch (t.form()) {
                case DRAWN -> "distribution or number";
                case CHANCE -> "number: each customer draws yes or no";
                case ARCHETYPE -> "number: the archetype's, not drawn";
            };
            String allowed;
            if (!t.isDistribution()) {
                Range r = t.kind().range();
                allowed = Double.isFinite(r.max()) ? range(r.min(), r.max()) : "≥ " + number(r.min());
            } else if (t.kind() == Trait.Kind.PROBABILITY) {
                allowed = "0 … 1 (" + String.join(", ", ScenarioKeys.PROBABILITY_DISTRIBUTIONS)
                        .replace("normal", "normal with min and max") + ")";
            } else {
                allowed = "≥ 0, mean ≤ " + number(t.kind().maxMean()) + " (any distribution; a normal needs min ≥ 0)";
            }
            String meaning = t.help() + " E.g. `" + t.example() + "`.";
            meaning += needs(t.needs());
            lines.add(row(key, writtenAs, allowed, t.required() ? "required" : number(t.defaultValue()), t.unit(), meaning));
        }
        return lines;
    }

    private static List<String> market() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- |");
        for (MarketParameter p : MarketParameter.values()) {
            String defaultValue = p.defaultInWords() != null ? p.defaultInWords() : number(p.defaultValue());
            lines.add(row("`" + p.path() + "`", allowed(p), defaultValue, p.unit(), p.help() + needs(p.needs())));
        }
        return lines;
    }

    private static List<String> behaviour() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- |");
        for (BehaviourParameter p : BehaviourParameter.values()) {
            lines.add(row("`" + p.path() + "`", allowed(p), number(p.defaultValue()), p.unit(), p.help() + needs(p.needs())));
        }
        return lines;
    }

    private static List<String> observation() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- |");
        for (ObservationParameter p : ObservationParameter.values()) {
            lines.add(row("`" + p.key() + "`", allowed(p), number(p.defaultValue()), p.unit(), p.help()));
        }
        return lines;
    }

    private static List<String> economics() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | allowed | default | unit | meaning |");
        lines.add("| --- | --- | --- | --- | --- |");
        lines.add(row("`currency`", "three capital letters", Economics.DEFAULT_CURRENCY, "", "Currency code, for labels."));
        for (EconomicsParameter p : EconomicsParameter.values()) {
            lines.add(row("`" + p.key() + "`", allowed(p), number(p.defaultValue()), p.unit(), p.help()));
        }
        return lines;
    }

    /** " Has an effect only with `a: 1`, `b: 2` (or the like).", or nothing without needs. */
    private static String needs(List<String> needs) {
        return needs.isEmpty() ? "" : " Has an effect only with " + String.join(", ", needs.stream().map(n -> "`" + n + "`").toList())
                + " (or the like).";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /** "whole number 1 … 120" or "0 … 1": what a declared value may be. */
    private static String allowed(DeclaredValue p) {
        return (p.whole() ? "whole number " : "") + range(p.min(), p.max());
    }

    private static String range(double min, double max) {
        return number(min) + " … " + number(max);
    }

    /** As a person writes it: powers of ten from 10⁶ up as such, a true minus sign. */
    static String number(double v) {
        double exponent = Math.log10(Math.abs(v));
        if (v > 0 && exponent >= 6 && exponent == Math.rint(exponent)) {
            return "10" + superscript((int) exponent);
        }
        int whole = (int) Math.floor(exponent);
        double mantissa = v / Math.pow(10, whole);
        if (v > 0 && exponent >= 6 && mantissa == Math.rint(mantissa)) {
            return (long) mantissa + " × 10" + superscript(whole);
        }
        return Numbers.format(v).replace('-', '−');
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }
}
