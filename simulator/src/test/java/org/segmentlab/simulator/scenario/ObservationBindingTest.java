package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The {@code observation} block and the price, fee and termination keys of {@code behaviour}: they bind to the
 * records, take the documented defaults when left out (today's perfect observation, {@link Behaviour#DEFAULT}),
 * survive the writer and are reached by {@code --set}. (Out-of-range values: {@code bad/observation-errors.yaml},
 * {@code bad/behaviour-response-errors.yaml}.)
 */
class ObservationBindingTest {

    private static final String BASE = MinimalScenario.yaml("observation");

    private static ScenarioDocument base() {
        return Scenarios.parse(BASE, "base.yaml");
    }

    @Test
    void observationBindsAndLeftOutKeysKeepThePerfectValues() {
        Scenario s = Scenarios.parse(BASE + "observation: {surveyRate: 0.1, surveyNoise: 0.05, voiceRate: 0.4}\n", "o.yaml").scenario();
        assertThat(s.observation()).isEqualTo(new Observation(0.1, 0.05, 0.4));
        assertThat(s.observation().satisfactionExact()).isFalse();
        Scenario partial = Scenarios.parse(BASE + "observation: {voiceRate: 0.5}\n", "o.yaml").scenario();
        assertThat(partial.observation()).isEqualTo(new Observation(1, 0, 0.5));
        assertThat(partial.observation().satisfactionExact()).isTrue();
    }

    @Test
    void withoutTheBlocksObservationIsPerfectAndTheResponsesAreAtTheirDefaults() {
        Scenario s = base().scenario();
        assertThat(s.observation()).isEqualTo(Observation.PERFECT);
        assertThat(s.behaviour()).isEqualTo(Behaviour.DEFAULT);
        assertThat(s.behaviour().referencePriceMemory()).isEqualTo(0.5);
        assertThat(s.behaviour().dealTraining()).isZero();
        assertThat(s.behaviour().terminationDetractorMonths()).isEqualTo(6);
        // A behaviour block naming only old keys leaves the new ones at their defaults too.
        Scenario old = base().with("behaviour", "{complaintMemory: 4}").scenario();
        assertThat(old.behaviour()).isEqualTo(Behaviour.DEFAULT.with(BehaviourParameter.COMPLAINT_MEMORY, 4));
    }

    @Test
    void everyResponseKeyBindsToItsComponent() {
        Scenario s = base().with("behaviour", "{referencePriceMemory: 0.2, priceGapPurchaseEffect: 4, priceGapChurnEffect: 5,"
                + " dealTraining: 0.3, serviceFeeElasticity: 6, serviceFeeSatisfactionImpact: 0.07,"
                + " terminationDetractorProbability: 0.8, terminationDetractorMonths: 9}").scenario();
        assertThat(s.behaviour()).isEqualTo(Behaviour.of(p -> switch (p) {
            case REFERENCE_PRICE_MEMORY -> 0.2;
            case PRICE_GAP_PURCHASE_EFFECT -> 4;
            case PRICE_GAP_CHURN_EFFECT -> 5;
            case DEAL_TRAINING -> 0.3;
            case SERVICE_FEE_ELASTICITY -> 6;
            case SERVICE_FEE_SATISFACTION_IMPACT -> 0.07;
            case TERMINATION_DETRACTOR_PROBABILITY -> 0.8;
            case TERMINATION_DETRACTOR_MONTHS -> 9;
            default -> p.defaultValue();
        }));
    }

    @Test
    void theWriterWritesThemAndTheyReadBackEqual() {
        Scenario s = base().with("observation", "{surveyRate: 0.3, surveyNoise: 0.1, voiceRate: 0.6}")
                .with("behaviour.dealTraining", "0.05").with("behaviour.terminationDetractorMonths", "0").scenario();
        String yaml = ScenarioWriter.toYaml(s);
        assertThat(yaml).contains("\nobservation:\n  surveyRate: 0.3\n  surveyNoise: 0.1\n  voiceRate: 0.6\n",
                "  dealTraining: 0.05\n", "  terminationDetractorMonths: 0\n");
        assertThat(Scenarios.parse(yaml, "written").scenario()).isEqualTo(s);
        assertThat(ScenarioWriter.toYaml(base().scenario()))
                .contains("\nobservation:\n  surveyRate: 1\n  surveyNoise: 0\n  voiceRate: 1\n", "  referencePriceMemory: 0.5\n");
    }

    @Test
    void setReachesObservationAndTheNewBehaviourKeysCreatingTheBlocks() {
        Scenario s = base().with("observation.voiceRate", "0.5").with("behaviour.dealTraining", "0.1")
                .with("behaviour.serviceFeeElasticity", "0").scenario();
        assertThat(s.observation()).isEqualTo(new Observation(1, 0, 0.5));
        assertThat(s.behaviour().dealTraining()).isEqualTo(0.1);
        assertThat(s.behaviour().serviceFeeElasticity()).isZero();
        assertThat(s.behaviour().priceGapPurchaseEffect()).isEqualTo(Behaviour.DEFAULT.priceGapPurchaseEffect());
    }

    @Test
    void aBadValueFromSetIsLocatedAtTheOverrideAndAMisspeltKeyGetsASuggestion() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> base().with("observation.surveyRate", "2").scenario());
        assertThat(e.getMessage()).isEqualTo("--set observation.surveyRate:1:1: observation.surveyRate: must be between 0 and 1, got 2");
        ScenarioException typo = assertThrows(ScenarioException.class, () -> base().with("observation.voicerate", "0.5"));
        assertThat(typo.getMessage()).isEqualTo("--set observation.voicerate: observation.voicerate: unknown key 'voicerate';"
                + " did you mean 'voiceRate'? allowed: surveyRate, surveyNoise, voiceRate");
        ScenarioException months = assertThrows(ScenarioException.class,
                () -> base().with("behaviour.terminationDetractorMonths", "1.5").scenario());
        assertThat(months.getMessage()).isEqualTo("--set behaviour.terminationDetractorMonths:1:1: "
                + "behaviour.terminationDetractorMonths: must be a whole number between 0 and 1200, got 1.5");
    }
}
