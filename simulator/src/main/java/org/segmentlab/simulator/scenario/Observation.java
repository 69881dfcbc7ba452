package org.segmentlab.simulator.scenario;

/**
 * What the business observes of satisfaction and complaints (scenario key {@code observation}). The default,
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

    /** Every satisfaction read exactly, every bad experience voiced. */
    public static final Observation PERFECT = new Observation(1, 0, 1);

    /** Whether satisfaction is read exactly every month. */
    public boolean satisfactionExact() {
        return surveyRate == 1 && surveyNoise == 0;
    }
}
