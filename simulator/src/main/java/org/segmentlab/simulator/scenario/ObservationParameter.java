package org.segmentlab.simulator.scenario;

import static org.segmentlab.simulator.scenario.Control.labelled;

import java.util.List;
import java.util.Optional;

/**
 * The values of a scenario's {@code observation} section (what the business sees of satisfaction and complaints),
 * each declared once, here. The loader reads and checks {@code observation} through these declarations;
 * {@link ScenarioKeys#OBSERVATION}, {@link ScenarioWriter}, {@link Observation#PERFECT}, the JSON Schema's
 * {@code observation} definition and the docs table are derived from them, and a test moves every value from its
 * default to its probe to show it changes a run. The engine reads them through {@link Observation}'s accessors.
 */
public enum ObservationParameter implements DeclaredValue {
    SURVEY_RATE(labelled("Customers answering the satisfaction survey each month"), "surveyRate", 1, 0.3, "probability per customer-month",
            "Monthly probability a customer answers a satisfaction survey. The `satisfaction` feature is the customer's "
                    + "last answer; a customer never surveyed has an unknown satisfaction, which fails every condition "
                    + "on it."),
    SURVEY_NOISE(null, "surveyNoise", 0, 0.3, "satisfaction (standard deviation)",
            "Standard deviation of an answer around the true satisfaction: the answer is the satisfaction plus "
                    + "Normal(0, surveyNoise), clamped to [0, 1]."),
    VOICE_RATE(labelled("Bad experiences voiced as complaints"), "voiceRate", 1, 0.3, "probability per bad experience",
            "Probability a bad experience is voiced as a complaint. An unvoiced one still hurts satisfaction and makes "
                    + "a detractor, but it is not seen: not in the `complaints` feature or metric, and it cannot be "
                    + "recovered.");

    private final ValueSpec spec;

    ObservationParameter(Control control, String key, double defaultValue, double probe, String unit, String help) {
        this.spec = new ValueSpec(key, false, 0, 1, defaultValue, probe, unit, help, List.of(), control);
    }

    @Override
    public ValueSpec spec() {
        return spec;
    }

    /** The full path in a scenario, e.g. {@code observation.voiceRate}. */
    public String path() {
        return "observation." + key();
    }

    public static Optional<ObservationParameter> byKey(String key) {
        return Declared.byKey(values(), key);
    }
}
