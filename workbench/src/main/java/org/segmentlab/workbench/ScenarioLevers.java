package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventParameter;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.Promotions;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Which levers of the {@link LeverCatalogue} a scenario gets: only those that change something it runs. The rules:
 * <ul>
 * <li>always: population, potential, months, seed, replications, Bass p, acquisition cost;</li>
 * <li>word of mouth (q, referral conversion; referral lean with more than one archetype) when the scenario's word of
 *     mouth is on; the weight of negative word of mouth and complaint memory when negative word of mouth is on;</li>
 * <li>discount elasticity and deal training when the market sees a discount (a routine sale or a discounting
 *     treatment some strategy gives); fee responses when some strategy charges a fee; the detractor share of fired
 *     customers when some strategy terminates; tenure effects when they are on;</li>
 * <li>voice rate when some strategy recovers complaints or not every bad experience is voiced;</li>
 * <li>per treatment some strategy gives: its cost and every parameter away from neutral (a discount's depth and
 *     leakage always); per strategy with a budget: the budget;</li>
 * <li>archetype shares with more than one archetype; with a rep-departure event, the attachment to a representative
 *     of the archetypes that have one;</li>
 * <li>per event: month, duration, share and every effect away from neutral; the sales calendar when there are sales;</li>
 * <li>segment thresholds of the segments {@link FilledSegments} finds customers in.</li>
 * </ul>
 */
final class ScenarioLevers {

    static final String SIZE = "Population and time";
    static final String MARKET = "Market";
    static final String BEHAVIOUR = "Customers' behaviour";
    static final String SALES = "Routine sales";
    static final String TREATMENTS = "Treatments";
    static final String BUDGETS = "Monthly budgets";
    static final String EVENTS = "Events";
    static final String TYPES = "Customer types";
    static final String THRESHOLDS = "Segment thresholds";

    private final Scenario s;
    private final String currency;
    private final int cap;
    /** The treatments some strategy gives some segment, "none" left out, in first-use order. */
    private final List<Treatment> given;
    private final List<LeverCatalogue.Lever> out = new ArrayList<>();

    private ScenarioLevers(Scenario scenario, int cap) {
        this.s = scenario;
        this.currency = scenario.economics().currency();
        this.cap = cap;
        Set<Treatment> used = new LinkedHashSet<>();
        for (Strategy strategy : s.strategies()) {
            used.addAll(strategy.resolve(s.taxonomy(), s.treatments()).bySegment());
        }
        used.removeIf(t -> t.name().equals("none"));
        this.given = List.copyOf(used);
    }

    static List<LeverCatalogue.Lever> of(Scenario scenario, Set<String> filledSegments, int maxCustomers) {
        ScenarioLevers levers = new ScenarioLevers(scenario, maxCustomers);
        levers.size();
        levers.market();
        levers.behaviour();
        levers.sales();
        levers.treatments();
        levers.budgets();
        levers.events();
        levers.types();
        levers.thresholds(filledSegments);
        return List.copyOf(levers.out);
    }

    private void add(String path, String group, String owner, double value) {
        out.add(LeverCatalogue.lever(path, group, owner, value, null, currency, cap));
    }

    private void size() {
        add(ScenarioRequest.INITIAL_CUSTOMERS, SIZE, null, s.market().initialCustomers());
        add(ScenarioRequest.POTENTIAL, SIZE, null, s.market().potential());
        add("months", SIZE, null, s.months());
        add("replications", SIZE, null, s.replications());
        add("seed", SIZE, null, s.seed());
    }

    private void market() {
        add("market.innovation", MARKET, null, s.market().innovation());
        if (on(Mechanism.WORD_OF_MOUTH)) {
            add("market.imitation", MARKET, null, s.market().imitation());
            add("market.referralConversion", MARKET, null, s.market().referralConversion());
            if (s.archetypes().size() > 1) {
                add("market.referralLean", MARKET, null, s.market().referralLean());
            }
        }
        if (on(Mechanism.NEGATIVE_WORD_OF_MOUTH)) {
            add("market.negativeWeight", MARKET, null, s.market().negativeWeight());
        }
        add("market.acquisitionCost", MARKET, null, s.market().acquisitionCost());
    }

    private void behaviour() {
        var b = s.behaviour();
        if (on(Mechanism.NEGATIVE_WORD_OF_MOUTH)) {
            add("behaviour.complaintMemory", BEHAVIOUR, null, b.complaintMemory());
        }
        if (s.promotions().any() || given.stream().anyMatch(t -> t.discount() > 0)) {
            add("behaviour.discountElasticity", BEHAVIOUR, null, b.discountElasticity());
            add("behaviour.dealTraining", BEHAVIOUR, null, b.dealTraining());
        }
        if (given.stream().anyMatch(t -> t.serviceFee() > 0)) {
            add("behaviour.serviceFeeElasticity", BEHAVIOUR, null, b.serviceFeeElasticity());
            add("behaviour.serviceFeeSatisfactionImpact", BEHAVIOUR, null, b.serviceFeeSatisfactionImpact());
        }
        if (given.stream().anyMatch(Treatment::terminates)) {
            add("behaviour.terminationDetractorProbability", BEHAVIOUR, null, b.terminationDetractorProbability());
        }
        if (on(Mechanism.TENURE)) {
            add("behaviour.tenureSpendGrowth", BEHAVIOUR, null, b.tenureSpendGrowth());
            add("behaviour.tenureServiceDecline", BEHAVIOUR, null, b.tenureServiceDecline());
        }
        if (given.stream().anyMatch(t -> t.recoveryProbability() > 0) || s.observation().voiceRate() < 1) {
            add("observation.voiceRate", BEHAVIOUR, null, s.observation().voiceRate());
        }
        if (s.observation().surveyRate() < 1) {
            add("observation.surveyRate", BEHAVIOUR, null, s.observation().surveyRate());
        }
    }

    private void sales() {
        if (s.promotions().any()) {
            out.add(LeverCatalogue.lever("promotions", SALES, null, 0, promotionsText(s.promotions()), currency, cap));
        }
    }

    private void treatments() {
        for (Treatment t : given) {
            String base = "treatments." + t.name() + ".";
            for (TreatmentParameter p : TreatmentParameter.values()) {
                boolean discount = t.discount() > 0 && (p == TreatmentParameter.DISCOUNT || p == TreatmentParameter.LEAKAGE);
                boolean shown = p == TreatmentParameter.COST || discount || (!p.isFlag() && t.get(p) != p.neutral());
                // A terminated customer is gone at once: a per-month cost of ending the relationship means nothing.
                if (shown && !(p == TreatmentParameter.COST && t.terminates())) {
                    add(base + p.key(), TREATMENTS, t.name(), t.get(p));
                }
            }
        }
    }

    private void budgets() {
        for (int i = 0; i < s.strategies().size(); i++) {
            Strategy strategy = s.strategies().get(i);
            if (strategy.budget().isPresent()) {
                add("strategies[" + i + "].budget", BUDGETS, strategy.name(), strategy.budget().getAsDouble());
            }
        }
    }

    private void events() {
        for (int i = 0; i < s.events().size(); i++) {
            Event e = s.events().get(i);
            String base = "events[" + i + "].";
            String name = eventName(e);
            add(base + "month", EVENTS, name, e.month());
            // Scheduling values always; an effect only when the event uses it (a neutral one would clutter the page).
            for (EventParameter p : EventParameter.values()) {
                addIf(!p.isEffect() || e.get(p) != p.defaultValue(), base + p.key(), name, e.get(p));
            }
        }
    }

    private void addIf(boolean used, String path, String name, double value) {
        if (used) {
            add(path, EVENTS, name, value);
        }
    }

    /** "Rep departure (month 12)": the type in words and when, so two events of a type are told apart. */
    static String eventName(Event e) {
        String type = e.type().key().replace('-', ' ');
        return Character.toUpperCase(type.charAt(0)) + type.substring(1) + " (month " + e.month() + ")";
    }

    private void types() {
        boolean departure = s.events().stream().anyMatch(e -> e.type() == EventType.REP_DEPARTURE);
        for (Archetype a : s.archetypes()) {
            if (s.archetypes().size() > 1) {
                add("archetypes." + a.name() + ".share", TYPES, a.name(), a.share());
            }
            if (departure && a.repAttached() > 0) {
                add("archetypes." + a.name() + ".repAttached", TYPES, a.name(), a.repAttached());
            }
        }
    }

    private void thresholds(Set<String> filled) {
        Taxonomy taxonomy = s.taxonomy();
        for (String path : taxonomy.thresholdPaths()) {
            if (filled.contains(path.substring(0, path.indexOf('.')))) {
                add("thresholds." + path, THRESHOLDS, null, taxonomy.threshold(path).orElseThrow());
            }
        }
    }

    private boolean on(Mechanism m) {
        return !s.mechanismsOff().contains(m) && m.usedBy(s);
    }

    /** The calendar in the scenario's YAML flow form, as the page shows it and sends it back. */
    static String promotionsText(Promotions p) {
        if (p.periodic() != null) {
            var q = p.periodic();
            return "{every: " + q.every() + ", length: " + q.length() + ", discount: " + LeverCatalogue.number(q.discount())
                    + ", start: " + q.start() + "}";
        }
        StringJoiner sales = new StringJoiner(", ", "[", "]");
        for (Promotions.Sale sale : p.sales()) {
            sales.add("{month: " + sale.month() + ", discount: " + LeverCatalogue.number(sale.discount())
                    + (sale.length() == 1 ? "" : ", length: " + sale.length()) + "}");
        }
        return sales.toString();
    }
}
