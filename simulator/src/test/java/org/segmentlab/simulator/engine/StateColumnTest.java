package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.population.Population;

/**
 * Every per-customer array of {@link MarketState} is declared in {@link StateColumn#ALL}: a column added as a field
 * but not declared would be shared between the copies strategies start from (one strategy's customers leaking into
 * another's) and left out of growth and of the state-size account.
 */
class StateColumnTest {
    /** Arrays of the state that are not one value per customer row. */
    private static final Set<String> NOT_PER_ROW = Set.of("initialSegment", "acquisitionBlocks");

    @Test
    void everyPerCustomerArrayOfTheStateIsADeclaredColumn() {
        String[] arrays = Arrays.stream(MarketState.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && f.getType().isArray())
                .map(Field::getName).filter(n -> !NOT_PER_ROW.contains(n)).sorted().toArray(String[]::new);
        assertThat(StateColumn.ALL.stream().map(c -> c.name)).containsExactlyInAnyOrder(arrays);
    }

    @Test
    void aCopyOwnsItsColumnsAndGrowthStartsNewRowsAtTheirInitialValues() {
        Population population = Population.withCapacity(4);
        population.extend(4);
        MarketState st = new MarketState(population, 3, (short) 0);
        MarketState copy = st.copy();
        copy.status[0] = CustomerStatus.CHURNED;
        copy.referencePrice[1] = 7;
        assertThat(st.status[0]).isNotEqualTo(CustomerStatus.CHURNED);
        assertThat(st.referencePrice[1]).isEqualTo((byte) MarketState.PRICE_STEPS);

        population.extend(40);
        st.status[2] = CustomerStatus.CHURNED;
        st.satisfaction[2] = 0.25f;
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            st.grow(44, (short) 5, pool);
        } finally {
            pool.shutdown();
        }
        assertThat(st.capacity()).isGreaterThanOrEqualTo(44);
        // The rows kept what they held: the columns were copied side by side on the pool.
        assertThat(st.status[2]).isEqualTo(CustomerStatus.CHURNED);
        assertThat(st.satisfaction[2]).isEqualTo(0.25f);
        assertThat(st.size).isEqualTo(44);
        assertThat(st.lastPurchase[43]).isEqualTo(MarketState.NEVER);
        assertThat(st.lastComplaint[43]).isEqualTo(MarketState.NEVER);
        assertThat(st.surveyAnswer[43]).isEqualTo(MarketState.NOT_SURVEYED);
        assertThat(st.referencePrice[43]).isEqualTo((byte) MarketState.PRICE_STEPS);
        assertThat(st.acquired[43]).isEqualTo((short) 5);
        assertThat(st.status[43]).isEqualTo(CustomerStatus.ACTIVE);

        // Room is made by half again, as the run's heap budget counts it: one more row grows the capacity by half.
        int before = st.capacity();
        population.extend(1);
        st.grow(before + 1, (short) 6, null);
        assertThat(st.capacity()).isEqualTo((int) (before * RunBudget.GROWTH));
        assertThat(st.status[2]).isEqualTo(CustomerStatus.CHURNED);
    }
}
