package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The {@code mechanisms} block: on/off and true/false bind to the switched-off set, {@code --set} reaches it, the
 * writer echoes only what is off, and a wrong key or value is located with the allowed ones. (What a switch does to
 * a run: {@code engine.MechanismSwitchesTest}.)
 */
class MechanismsBindingTest {

    private static final String BASE = MinimalScenario.yaml("switches", ", imitation: 0.3");

    private static ScenarioDocument base() {
        return Scenarios.parse(BASE, "base.yaml");
    }

    @Test
    void onOffAndTrueFalseBindAndEveryMechanismIsOnByDefault() {
        assertThat(base().scenario().mechanismsOff()).isEmpty();
        Scenario s = Scenarios.parse(BASE + "mechanisms: {wordOfMouth: off, events: false, tenure: on, reputation: true}\n",
                "m.yaml").scenario();
        assertThat(s.mechanismsOff()).containsExactly(Mechanism.WORD_OF_MOUTH, Mechanism.EVENTS);
        // The bound scenario keeps its parameters as written; the run sees the neutral ones.
        assertThat(s.market().imitation()).isEqualTo(0.3);
        assertThat(s.effective().market().imitation()).isZero();
    }

    @Test
    void setReachesTheSwitchesAndTheWriterEchoesOnlyWhatIsOff() {
        Scenario s = base().with("mechanisms.wordOfMouth", "off").with("mechanisms.satisfaction", "off").scenario();
        assertThat(s.mechanismsOff()).isEqualTo(EnumSet.of(Mechanism.WORD_OF_MOUTH, Mechanism.SATISFACTION));
        String yaml = ScenarioWriter.toYaml(s);
        assertThat(yaml).contains("\nmechanisms:\n  wordOfMouth: off\n  satisfaction: off\n");
        assertThat(Scenarios.parse(yaml, "written").scenario()).isEqualTo(s);
        assertThat(ScenarioWriter.toYaml(base().scenario())).doesNotContain("mechanisms");
        assertThat(base().with("mechanisms.wordOfMouth", "on").scenario().mechanismsOff()).isEqualTo(Set.of());
    }

    @Test
    void anUnknownSwitchOrABadValueIsLocatedWithWhatIsAllowed() {
        ScenarioException typo = assertThrows(ScenarioException.class, () -> base().with("mechanisms.wordOfMuth", "off"));
        assertThat(typo.getMessage()).contains("--set mechanisms.wordOfMuth", "unknown key 'wordOfMuth'",
                "did you mean 'wordOfMouth'?", "allowed: " + Mechanism.allowedKeys());
        ScenarioException inFile = assertThrows(ScenarioException.class,
                () -> Scenarios.parse(BASE + "mechanisms:\n  wordOfMouth: off\n  tenur: off\n", "m.yaml").scenario());
        assertThat(inFile.getMessage()).isEqualTo("m.yaml:9:3: mechanisms.tenur: unknown key 'tenur'; did you mean 'tenure'? "
                + "allowed: " + Mechanism.allowedKeys());
        ScenarioException value = assertThrows(ScenarioException.class,
                () -> base().with("mechanisms.wordOfMouth", "maybe").scenario());
        assertThat(value.getMessage()).isEqualTo("--set mechanisms.wordOfMouth:1:1: mechanisms.wordOfMouth: "
                + "must be on or off (or true or false), got the string 'maybe'");
        ScenarioException notAMapping = assertThrows(ScenarioException.class,
                () -> base().with("mechanisms", "[wordOfMouth]").scenario());
        assertThat(notAMapping.getMessage()).contains("mechanisms: must be a mapping of mechanism switches");
    }

    @Test
    void everyMechanismHasAKeyADescriptionAndIsInTheLoadersKeys() {
        assertThat(ScenarioKeys.MECHANISMS).containsExactlyElementsOf(Mechanism.keys());
        assertThat(ScenarioKeys.ROOT).contains("mechanisms");
        for (Mechanism m : Mechanism.values()) {
            assertThat(Mechanism.byKey(m.key())).contains(m);
            assertThat(m.description()).isNotBlank();
        }
        assertThat(Mechanism.WORD_OF_MOUTH.label()).isEqualTo("word of mouth");
    }
}
