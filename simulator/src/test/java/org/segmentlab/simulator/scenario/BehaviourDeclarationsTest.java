package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The behaviour's declarations ({@link BehaviourParameter}) are what the loader, the key set and {@link Behaviour}
 * use: a scenario without {@code behaviour} gets the declared defaults, the keys are the declared ones, and
 * {@link Behaviour#get} and {@link Behaviour#of} agree.
 */
class BehaviourDeclarationsTest {

    private static final String MINIMAL = String.join("\n",
            "name: minimal",
            "market: {potential: 1000, initialCustomers: 100}",
            "behaviour: {dealTraining: 0.25}",
            "archetypes: [{name: a, share: 1, purchaseRate: 1, spend: 10}]",
            "strategies: [{name: s, treatments: {default: none}}]",
            "");

    @Test
    void absentKeysTakeTheirDeclaredDefaults() {
        Behaviour b = Scenarios.parse(MINIMAL, "minimal").scenario().behaviour();
        for (BehaviourParameter p : BehaviourParameter.values()) {
            assertThat(b.get(p)).as(p.path()).isEqualTo(p == BehaviourParameter.DEAL_TRAINING ? 0.25 : p.defaultValue());
        }
        assertThat(Behaviour.DEFAULT.with(BehaviourParameter.DEAL_TRAINING, 0.25)).isEqualTo(b);
    }

    @Test
    void theKeySetIsTheDeclarations() {
        assertThat(ScenarioKeys.BEHAVIOUR).containsExactlyElementsOf(
                Arrays.stream(BehaviourParameter.values()).map(BehaviourParameter::key).toList());
    }

    @Test
    void getAndOfAgree() {
        Behaviour b = Behaviour.of(BehaviourParameter::probe);
        assertThat(Behaviour.of(b::get)).isEqualTo(b);
        for (BehaviourParameter p : BehaviourParameter.values()) {
            assertThat(b.get(p)).as(p.path()).isEqualTo(p.probe());
            assertThat(p.spec().range().contains(p.probe())).as("%s's probe is allowed", p.path()).isTrue();
        }
    }
}
