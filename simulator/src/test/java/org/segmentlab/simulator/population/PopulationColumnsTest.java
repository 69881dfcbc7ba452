package org.segmentlab.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Trait;

/** The population has a column for every trait a customer draws, and growth and copies carry every column. */
class PopulationColumnsTest {

    @Test
    void everyDrawnTraitHasAColumnOfItsForm() {
        Population p = Population.withCapacity(4);
        for (Trait t : Trait.values()) {
            switch (t.form()) {
                case DRAWN -> assertThat(p.column(t)).as(t.key()).hasSize(4);
                case CHANCE -> assertThat(p.flags(t)).as(t.key()).hasSize(4);
                case ARCHETYPE -> assertThatThrownBy(() -> p.column(t)).isInstanceOf(IllegalArgumentException.class);
                default -> throw new AssertionError(t.form());
            }
        }
        assertThat(p.priceSensitivity()).isSameAs(p.column(Trait.PRICE_SENSITIVITY));
        assertThat(p.repAttached()).isSameAs(p.flags(Trait.REP_ATTACHED));
        assertThatThrownBy(() -> p.flags(Trait.CHURN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growthAndCopiesCarryEveryColumn() {
        Population p = Population.withCapacity(2);
        p.extend(2);
        fill(p, 1);
        Population copy = p.copy();
        p.extend(100);
        fill(p, 2);
        for (Trait t : Trait.drawn()) {
            if (t.form() == Trait.Form.CHANCE) {
                assertThat(copy.flags(t)).as(t.key()).containsExactly(true, true);
                assertThat(p.flags(t)[101]).as(t.key()).isTrue();
            } else {
                assertThat(copy.column(t)).as(t.key()).containsExactly(1, 1);
                assertThat(p.column(t)[1]).as("%s kept when grown, not shared with the copy", t.key()).isEqualTo(2);
                assertThat(p.column(t)).as(t.key()).hasSizeGreaterThanOrEqualTo(102);
            }
        }
    }

    private static void fill(Population p, float value) {
        for (Trait t : Trait.drawn()) {
            if (t.form() == Trait.Form.CHANCE) {
                java.util.Arrays.fill(p.flags(t), 0, p.size(), true);
            } else {
                java.util.Arrays.fill(p.column(t), 0, p.size(), value);
            }
        }
    }
}
