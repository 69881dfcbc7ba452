package org.segmentlab.reports.calibration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model fitted to the calibration period, as the report shows it.
 *
 * @param name          "BG/NBD", "Gamma-Gamma", "shifted-beta-geometric"
 * @param description   one sentence on what the model describes; may be empty
 * @param parameters    in the model's usual order, names unique, at least one
 * @param logLikelihood the maximised log-likelihood (finite)
 * @param observations  n: the customers (or cohort members) the fit used, at least 1
 */
public record FittedModel(String name, String description, List<FittedParameter> parameters, double logLikelihood, int observations) {

    public FittedModel {
        Checks.notBlank(name, "model name");
        description = description == null ? "" : description;
        parameters = List.copyOf(Checks.notNull(parameters, "parameters of " + name));
        Checks.nonEmpty(parameters.size(), "parameters of " + name);
        Set<String> names = new HashSet<>();
        for (FittedParameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("model " + name + " has parameter " + p.name() + " twice");
            }
        }
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("model " + name + ": log-likelihood must be finite, got " + logLikelihood);
        }
        if (observations < 1) {
            throw new IllegalArgumentException("model " + name + ": observations must be >= 1, got " + observations);
        }
    }
}
