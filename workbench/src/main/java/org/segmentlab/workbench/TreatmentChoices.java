package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The treatments a grid cell offers for a scenario: "none" and "terminate", every treatment some strategy gives, and
 * every treatment the scenario defines or changes, each with a one-line description and its parameters (shown on
 * hover). The other built-ins belong to other taxonomies' lessons (charging for extras means nothing to a taxonomy
 * without service costs) and are left out.
 */
final class TreatmentChoices {

    /**
     * A treatment as a grid cell offers it.
     *
     * @param name        the treatment's name, as a strategy names it
     * @param description what it does, in one line
     * @param parameters  its parameters away from neutral, e.g. "cost 2 EUR per customer-month · churn × 0.7"
     */
    record Choice(String name, String description, String parameters) {
    }

    /** What each built-in stands for (docs/segments.md gives the reasons for their values). */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("none", "No treatment: the baseline."),
            Map.entry("loyalty-perks", "Preferred-customer benefits: keep the loyal longer and talking."),
            Map.entry("unique-offer", "A unique offer and a comparison with competitors, for fence-sitters."),
            Map.entry("price-campaign", "Attractive prices aimed at one group; the discount leaks to others."),
            Map.entry("service-recovery", "Let complaints be voiced, apologise, compensate: most get resolved."),
            Map.entry("no-discounts", "Stop discounts: none reach the segment, leaked ones included."),
            Map.entry("terminate", "End the relationship at once."),
            Map.entry("service-standards", "One service request a month included; further ones are not served."),
            Map.entry("charge-for-extras", "One service request a month included; further ones are charged a fee."),
            Map.entry("snow-leopard-hunt", "A dedicated team hunting rare, very profitable customers."),
            Map.entry("basic-service", "Basic good service."),
            Map.entry("keep-positive", "Keep the relationship merely positive; advertise less to more of them."),
            Map.entry("fix-root-cause", "A team fixes the causes of complaints: fewer bad experiences for everyone."),
            Map.entry("win-back", "An offer to recently lost customers of the segment to come back."));

    private TreatmentChoices() {
    }

    static List<Choice> of(Scenario s) {
        Set<String> names = new LinkedHashSet<>();
        // doing nothing and ending the relationship are choices in every lesson
        names.add("none");
        names.add("terminate");
        for (Strategy strategy : s.strategies()) {
            strategy.resolve(s.taxonomy(), s.treatments()).bySegment().forEach(t -> names.add(t.name()));
        }
        for (Map.Entry<String, Treatment> e : s.treatments().entrySet()) {
            // the scenario's own treatments and the built-ins it changed
            if (!e.getValue().equals(BuiltInTreatments.byName(e.getKey()).orElse(null))) {
                names.add(e.getKey());
            }
        }
        List<Choice> out = new ArrayList<>();
        String currency = s.economics().currency();
        for (String name : names) {
            Treatment t = s.treatments().get(name);
            out.add(new Choice(name, description(name, t), parameters(t, currency)));
        }
        return out;
    }

    private static String description(String name, Treatment t) {
        String builtIn = BUILT_IN.get(name);
        boolean changed = !t.equals(BuiltInTreatments.byName(name).orElse(null));
        if (builtIn != null) {
            return changed ? builtIn + " (values changed by the scenario)" : builtIn;
        }
        return "The scenario's own treatment.";
    }

    /** The parameters away from neutral, in words with units. */
    static String parameters(Treatment t, String currency) {
        Map<TreatmentParameter, String> words = new LinkedHashMap<>();
        for (TreatmentParameter p : TreatmentParameter.values()) {
            double v = t.get(p);
            if (v == p.neutral()) {
                continue;
            }
            String n = LeverCatalogue.number(v);
            words.put(p, switch (p) {
                case COST -> "cost " + n + " " + currency + " per customer-month";
                case FIXED_COST -> "fixed cost " + n + " " + currency + " per month";
                case DISCOUNT -> "discount " + percent(v);
                case LEAKAGE -> "leakage " + percent(v) + " a month";
                case BLOCK_DISCOUNTS -> "no discounts reach them";
                case PURCHASE_LIFT -> "purchases × " + n;
                case CHURN_MULTIPLIER -> "churn × " + n;
                case SATISFACTION_DELTA -> "satisfaction " + (v > 0 ? "+" : "") + n + " a month";
                case ADVOCACY_MULTIPLIER -> "referrals × " + n;
                case SERVICE_CAP -> n + " service request" + (v == 1 ? "" : "s") + " a month included";
                case SERVICE_FEE -> "fee " + n + " " + currency + " per extra request";
                case RECOVERY_PROBABILITY -> percent(v) + " of complaints resolved";
                case TERMINATE -> "ends the relationship";
                case ACQUISITION_BOOST -> "advertising reach of its kind " + (v > 0 ? "+" : "") + percent(v);
                case BAD_EXPERIENCE_MULTIPLIER -> "bad experiences × " + n + " (everyone)";
                case WIN_BACK_PROBABILITY -> percent(v) + " of contacted ex-customers return a month";
                case WIN_BACK_MONTHS -> "offer runs " + n + " months";
                case WIN_BACK_COST -> "offer costs " + n + " " + currency + " per ex-customer-month";
            });
        }
        return words.isEmpty() ? "no effect" : String.join(" · ", words.values());
    }

    private static String percent(double v) {
        return LeverCatalogue.number(Math.round(v * 1000) / 10.0) + "%";
    }
}
