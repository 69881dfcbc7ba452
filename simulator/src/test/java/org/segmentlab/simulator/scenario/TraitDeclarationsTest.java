package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trait declarations are complete and consistent, and an {@link Archetype} is what they say. */
class TraitDeclarationsTest {

    @ParameterizedTest
    @EnumSource(Trait.class)
    void everyTraitIsDeclaredCompletely(Trait t) {
        assertThat(t.key()).matches("[a-z][A-Za-z]*");
        assertThat(Trait.byKey(t.key())).contains(t);
        assertThat(t.kind().range().contains(t.probe())).as(t.key() + " probe allowed").isTrue();
        assertThat(t.probe()).as(t.key() + " probe is not the default").isNotEqualTo(t.defaultValue());
        if (!t.required()) {
            assertThat(t.kind().range().contains(t.defaultValue())).as(t.key() + " default allowed").isTrue();
        }
        assertThat(t.unit()).isNotBlank();
        assertThat(t.summary()).matches("[a-z].*[a-z]");
        assertThat(t.help()).matches("[A-Z].*[.]");
        // A chance is drawn as u < p: it must be a probability. A required trait is drawn, never the archetype's own.
        assertThat(t.form() != Trait.Form.CHANCE || t.kind() == Trait.Kind.PROBABILITY).as(t.key()).isTrue();
        assertThat(!t.required() || t.isDistribution()).as(t.key()).isTrue();
    }

    @Test
    void theScenarioKeysAreTheDeclaredTraits() {
        List<String> keys = new ArrayList<>(List.of("name", "share"));
        for (Trait t : Trait.values()) {
            keys.add(t.key());
        }
        assertThat(ScenarioKeys.ARCHETYPE).containsExactlyElementsOf(keys);
        assertThat(ScenarioKeys.DISTRIBUTED_TRAITS).containsExactly("purchaseRate", "spend", "churn", "priceSensitivity",
                "advocacy", "serviceDemand", "satisfaction", "badExperience", "dropout");
        assertThat(ScenarioKeys.PROBABILITY_TRAITS).containsExactly("churn", "priceSensitivity", "advocacy", "satisfaction",
                "badExperience", "dropout");
        assertThat(ScenarioKeys.MONEY_TRAITS).containsExactly("spend");
    }

    @Test
    void theDrawOrderIsTheDeclarationOrderWithoutTheArchetypesOwnNumbers() {
        assertThat(Trait.drawn()).extracting(Trait::key).containsExactly("purchaseRate", "spend", "churn",
                "priceSensitivity", "advocacy", "serviceDemand", "satisfaction", "badExperience", "repAttached", "dropout");
    }

    @Test
    void anArchetypeHoldsEveryTraitWithTheDefaultsForTheRest() {
        Archetype a = new Archetype("a", 1, Map.of(Trait.PURCHASE_RATE, new Distribution.Constant(2),
                Trait.SPEND, new Distribution.Gamma(2, 10), Trait.REP_ATTACHED, new Distribution.Constant(0.4)));
        assertThat(a.traits()).containsOnlyKeys(Trait.values());
        assertThat(a.spend()).isEqualTo(new Distribution.Gamma(2, 10));
        assertThat(a.repAttached()).isEqualTo(0.4);
        assertThat(a.satisfaction()).isEqualTo(new Distribution.Constant(0.7));
        assertThat(a.basketNoise()).isZero();
        assertThat(new Archetype("a", 1, new Distribution.Constant(2), new Distribution.Gamma(2, 10), 0,
                new Distribution.Constant(0), new Distribution.Constant(0), new Distribution.Constant(0),
                new Distribution.Constant(0), new Distribution.Constant(0.7), new Distribution.Constant(0), 0.4))
                .isEqualTo(a);
        assertThatThrownBy(() -> new Archetype("b", 1, Map.of(Trait.SPEND, new Distribution.Constant(1))))
                .hasMessage("archetype b: purchaseRate is required");
        assertThatThrownBy(() -> new Archetype("b", 1, Map.of(Trait.PURCHASE_RATE, new Distribution.Constant(1),
                Trait.SPEND, new Distribution.Constant(1), Trait.BASKET_NOISE, new Distribution.Gamma(1, 1))))
                .hasMessageStartingWith("archetype b: basketNoise is a plain number");
        assertThatThrownBy(() -> a.value(Trait.CHURN)).isInstanceOf(IllegalArgumentException.class);
    }
}
