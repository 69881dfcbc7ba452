package org.segmentlab.simulator.calibrate.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A maximum-likelihood fit: the estimates at the best optimum found, their standard errors from the observed
 * information (the inverse of the negative Hessian of the log-likelihood at the optimum, in the natural
 * parameters), the log-likelihood there, the number of observations (customers, or cohort members) and the optimum
 * reached from each starting point, so a reader can see whether the starts agree.
 *
 * <p>Arrays are copied in and out. A standard error is NaN when the information matrix is singular or not
 * positive definite at the optimum (a flat or boundary optimum).
 */
public record FitResult(String model, List<String> parameterNames, double[] estimates, double[] standardErrors,
        double logLikelihood, long observations, List<StartOptimum> starts) {

    public FitResult {
        Objects.requireNonNull(model, "model");
        parameterNames = List.copyOf(parameterNames);
        estimates = estimates.clone();
        standardErrors = standardErrors.clone();
        starts = List.copyOf(starts);
        if (estimates.length != parameterNames.size() || standardErrors.length != parameterNames.size()) {
            throw new IllegalArgumentException("estimates, standard errors and names differ in length");
        }
    }

    /** Where one start led: its starting point, the optimum reached, the log-likelihood there, evaluations used. */
    public record StartOptimum(double[] start, double[] optimum, double logLikelihood, int evaluations) {
        public StartOptimum {
            start = start.clone();
            optimum = optimum.clone();
        }

        @Override
        public double[] start() {
            return start.clone();
        }

        @Override
        public double[] optimum() {
            return optimum.clone();
        }

        @Override
        public String toString() {
            return "StartOptimum[start=" + Arrays.toString(start) + ", optimum=" + Arrays.toString(optimum)
                    + ", logLikelihood=" + logLikelihood + ", evaluations=" + evaluations + "]";
        }
    }

    /** One row of the parameter table. */
    public record Parameter(String name, double estimate, double standardError) {
    }

    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** The estimate of a parameter by name; fails for an unknown name. */
    public double estimate(String name) {
        return estimates[index(name)];
    }

    public double standardError(String name) {
        return standardErrors[index(name)];
    }

    private int index(String name) {
        int i = parameterNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + parameterNames);
        }
        return i;
    }

    /** The parameters as rows (name, estimate, standard error), for a table or JSON. */
    public List<Parameter> table() {
        List<Parameter> rows = new ArrayList<>(estimates.length);
        for (int i = 0; i < estimates.length; i++) {
            rows.add(new Parameter(parameterNames.get(i), estimates[i], standardErrors[i]));
        }
        return rows;
    }

    /** The largest relative spread of the starts' log-likelihoods around the best (0 when all agree). */
    public double startSpread() {
        double worst = 0;
        for (StartOptimum s : starts) {
            worst = Math.max(worst, Math.abs(s.logLikelihood() - logLikelihood) / Math.max(1.0, Math.abs(logLikelihood)));
        }
        return worst;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(model).append(": LL=").append(logLikelihood).append(" n=").append(observations);
        for (Parameter p : table()) {
            sb.append(' ').append(p.name()).append('=').append(p.estimate()).append(" (").append(p.standardError()).append(')');
        }
        return sb.toString();
    }
}
