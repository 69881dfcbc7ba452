package org.segmentlab.simulator.scenario;

import java.util.function.ToDoubleFunction;

/**
 * What the business observes of satisfaction and complaints (scenario key {@code observation}; the values are
 * declared in {@link ObservationParameter}). The default,
 * {@link #PERFECT}, reads every customer's satisfaction exactly every month and records every bad experience as a
 * complaint (the textbook cases keep their form). Realistic observation:
 * <ul>
 * <li>satisfaction is known only from surveys: each month a customer answers with probability {@code surveyRate};
 *     the answer is the satisfaction plus Normal(0, surveyNoise) noise, clamped to [0, 1]; the classifier sees the
 *     last answer, and a customer never surveyed has an unknown satisfaction (NaN, which fails every condition);</li>
 * <li>a bad experience is voiced as a complaint with probability {@code voiceRate}; an unvoiced one still hurts
 *     satisfaction and makes a detractor, but is not seen (not in the {@code complaints} feature or metric) and
 *     cannot be recovered.</li>
 * </ul>
 *
 * @param surveyRate  monthly probability a customer answers a satisfaction survey, in [0, 1] (1)
 * @param surveyNoise standard deviation of an answer around the true satisfaction, in [0, 1] (0)
 * @param voiceRate   probability a bad experience is voiced as a complaint, in [0, 1] (1)
 */
public record Observation(double surveyRate, double surveyNoise, double voiceRate) {

    /** Every satisfaction read exactly, every bad experience voiced: the declared defaults. */
    public static final Observation PERFECT = of(ObservationParameter::defaultValue);

    /** The observation with each declared value from {@code value}. */
    public static Observation of(ToDoubleFunction<ObservationParameter> value) {
        return new Observation(value.applyAsDouble(ObservationParameter.SURVEY_RATE),
                value.applyAsDouble(ObservationParameter.SURVEY_NOISE), value.applyAsDouble(ObservationParameter.VOICE_RATE));
    }

    /** The value of a declared parameter. */
    public double get(ObservationParameter p) {
        return switch (p) {
            case SURVEY_RATE -> surveyRate;
            case SURVEY_NOISE -> surveyNoise;
            case VOICE_RATE -> voiceRate;
        };
    }

    /** Whether satisfaction is read exactly every month. */
    public boolean satisfactionExact() {
        return surveyRate == 1 && surveyNoise == 0;
    }
}
