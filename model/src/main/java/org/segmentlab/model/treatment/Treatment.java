package org.segmentlab.model.treatment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;

/**
 * A named treatment: the values of every {@link TreatmentParameter}. Immutable; build variants with
 * {@link #with}. The engine reads the values through the typed accessors.
 */
public final class Treatment {
    private final String name;
    private final double[] values;

    private Treatment(String name, double[] values) {
        this.name = name;
        this.values = values;
    }

    /** A treatment with every parameter neutral (no effect): the base of all others. */
    public static Treatment neutral(String name) {
        double[] values = new double[TreatmentParameter.values().length];
        for (TreatmentParameter p : TreatmentParameter.values()) {
            values[p.ordinal()] = p.neutral();
        }
        return new Treatment(requireName(name), values);
    }

    /** A treatment from a map of parameter values; parameters not given are neutral. */
    public static Treatment of(String name, Map<TreatmentParameter, Double> parameters) {
        return neutral(name).with(parameters);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DefinitionException.of("name", "a treatment needs a name");
        }
        return name;
    }

    public String name() {
        return name;
    }

    public double get(TreatmentParameter p) {
        return values[p.ordinal()];
    }

    /** This treatment with some parameters changed; every bad value is reported at once. */
    public Treatment with(Map<TreatmentParameter, Double> parameters) {
        double[] copy = values.clone();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<TreatmentParameter, Double> e : parameters.entrySet()) {
            String wrong = e.getKey().check(e.getValue());
            if (wrong != null) {
                problems.add(new Problem(e.getKey().key(), wrong));
            } else {
                copy[e.getKey().ordinal()] = e.getValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new Treatment(name, copy);
    }

    public Treatment with(TreatmentParameter p, double value) {
        return with(Map.of(p, value));
    }

    /** The same parameters under another name (a scenario's own treatment based on a built-in). */
    public Treatment renamed(String newName) {
        return new Treatment(requireName(newName), values);
    }

    /** Every parameter and its value, in declaration order. */
    public Map<TreatmentParameter, Double> parameters() {
        Map<TreatmentParameter, Double> map = new EnumMap<>(TreatmentParameter.class);
        for (TreatmentParameter p : TreatmentParameter.values()) {
            map.put(p, values[p.ordinal()]);
        }
        return map;
    }

    public double cost() { return get(TreatmentParameter.COST); }
    public double fixedCost() { return get(TreatmentParameter.FIXED_COST); }
    public double discount() { return get(TreatmentParameter.DISCOUNT); }
    public double leakage() { return get(TreatmentParameter.LEAKAGE); }
    public boolean blocksDiscounts() { return get(TreatmentParameter.BLOCK_DISCOUNTS) != 0; }
    public double purchaseLift() { return get(TreatmentParameter.PURCHASE_LIFT); }
    public double churnMultiplier() { return get(TreatmentParameter.CHURN_MULTIPLIER); }
    public double satisfactionDelta() { return get(TreatmentParameter.SATISFACTION_DELTA); }
    public double advocacyMultiplier() { return get(TreatmentParameter.ADVOCACY_MULTIPLIER); }
    public double serviceCap() { return get(TreatmentParameter.SERVICE_CAP); }
    public double serviceFee() { return get(TreatmentParameter.SERVICE_FEE); }
    public double recoveryProbability() { return get(TreatmentParameter.RECOVERY_PROBABILITY); }
    public boolean terminates() { return get(TreatmentParameter.TERMINATE) != 0; }
    public double acquisitionBoost() { return get(TreatmentParameter.ACQUISITION_BOOST); }
    public double badExperienceMultiplier() { return get(TreatmentParameter.BAD_EXPERIENCE_MULTIPLIER); }
    public double winBackProbability() { return get(TreatmentParameter.WIN_BACK_PROBABILITY); }
    public int winBackMonths() { return (int) get(TreatmentParameter.WIN_BACK_MONTHS); }
    public double winBackCost() { return get(TreatmentParameter.WIN_BACK_COST); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Treatment && ((Treatment) o).name.equals(name) && java.util.Arrays.equals(((Treatment) o).values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('{');
        boolean first = true;
        for (TreatmentParameter p : TreatmentParameter.values()) {
            if (values[p.ordinal()] != p.neutral()) {
                sb.append(first ? "" : ", ").append(p.key()).append('=').append(values[p.ordinal()]);
                first = false;
            }
        }
        return sb.append('}').toString();
    }
}
