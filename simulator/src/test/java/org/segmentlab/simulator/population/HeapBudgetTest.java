package org.segmentlab.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The heap budget, on injected heap sizes (deterministic). */
class HeapBudgetTest {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    @Test
    void theBudgetIsSeventyPercentOfTheMaximumLessWhatIsInUse() {
        HeapBudget budget = HeapBudget.assuming(1000 * MIB, 100 * MIB);
        assertThat(budget.usableBytes()).isEqualTo(600 * MIB);
        assertThat(budget.customersThatFit(100)).isEqualTo(600 * MIB / 100);
        assertThat(HeapBudget.assuming(1000 * MIB, 900 * MIB).usableBytes()).isZero();
    }

    @Test
    void g1GivesAnArrayOfHalfARegionOrMoreWholeRegions() {
        HeapBudget g1 = HeapBudget.assuming(160 * MIB, 0).withCollector(MIB, 0);
        // A float column of 271 423 customers (1.04 MiB) takes two 1 MiB regions: what failed the 160 MiB run.
        long column = 16 + 4 * 271_423L;
        assertThat(g1.footprint(column)).isEqualTo(2 * MIB);
        assertThat(g1.footprint(MIB / 2)).isEqualTo(MIB);
        assertThat(g1.footprint(MIB / 2 - 1)).isEqualTo(MIB / 2 - 1);
        assertThat(g1.footprint(13 * MIB)).isEqualTo(13 * MIB);
        // Collectors without regions give an array its bytes.
        assertThat(HeapBudget.assuming(160 * MIB, 0).footprint(column)).isEqualTo(column);
        assertThat(g1.usableBytes()).isEqualTo((long) (0.7 * 160 * MIB));
    }

    @Test
    void serialAndParallelPlanWithinTheOldGeneration() {
        // Parallel's default old generation is two thirds of the heap: long-lived columns must fit there.
        HeapBudget parallel = HeapBudget.assuming(155 * MIB, 8 * MIB).withCollector(0, 107 * MIB);
        assertThat(parallel.usableBytes()).isEqualTo((long) (0.9 * 107 * MIB) - 8 * MIB);
        assertThat(parallel.allowance()).isEqualTo("88.3 MiB (90% of the 107.0 MiB old generation of a 155.0 MiB heap,"
                + " less 8.0 MiB in use)");
        // A large old generation does not raise the budget past 70% of the heap.
        HeapBudget roomy = HeapBudget.assuming(155 * MIB, 8 * MIB).withCollector(0, 150 * MIB);
        assertThat(roomy.usableBytes()).isEqualTo((long) (0.7 * 155 * MIB) - 8 * MIB);
        assertThat(roomy.allowance()).contains("(70% of the 155.0 MiB maximum heap, less 8.0 MiB in use)");
    }

    @Test
    void thisJvmsCollectorIsRead() {
        // Surefire's JVM runs the default collector: G1 on a machine of two cores or more, Serial on one.
        HeapBudget here = HeapBudget.current();
        boolean g1 = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().startsWith("G1"));
        long big = 64 * MIB + 1;
        if (g1) {
            assertThat(here.footprint(big)).isGreaterThan(big);
        } else {
            assertThat(here.footprint(big)).isEqualTo(big);
            assertThat(here.usableBytes()).isLessThan((long) (0.7 * here.maxHeap()) - here.usedHeap() + 1);
        }
    }

    @Test
    void sizesUpToTheBudgetPassAndOneMoreIsRefused() {
        HeapBudget budget = HeapBudget.assuming(10 * MIB, 0);
        long fit = budget.customersThatFit(34);
        assertThat(fit).isEqualTo((long) (0.7 * 10 * MIB) / 34);
        assertThatCode(() -> budget.require(fit, 34, "market.initialCustomers")).doesNotThrowAnyException();
        assertThatCode(() -> budget.require(0, 34, "market.initialCustomers")).doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.require(fit + 1, 34, "market.initialCustomers"))
                .isInstanceOfSatisfying(HeapBudgetException.class, e -> {
                    assertThat(e.requested()).isEqualTo(fit + 1);
                    assertThat(e.fitting()).isEqualTo(fit);
                })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageSaysHowManyFitAndWhatToChange() {
        HeapBudget budget = HeapBudget.assuming(4 * GIB, GIB / 10);
        long fit = budget.customersThatFit(205);
        assertThatThrownBy(() -> budget.require(500_000_000L, 205, "market.potential"))
                .hasMessage("market.potential: 500000000 customers need ~95.5 GiB of heap; at most "
                        + HeapBudget.grouped(fit) + " fit in what this JVM may use, 2.7 GiB (70% of the 4.0 GiB maximum"
                        + " heap, less 102.4 MiB in use); raise -Xmx or lower the size");
        assertThat(HeapBudget.grouped(12_345_678)).isEqualTo("12 345 678");
    }

    @Test
    void hugeRequestsDoNotOverflow() {
        HeapBudget budget = HeapBudget.assuming(Long.MAX_VALUE, 0);
        assertThatThrownBy(() -> budget.require(Long.MAX_VALUE, Long.MAX_VALUE, "x")).isInstanceOf(HeapBudgetException.class);
        assertThat(budget.customersThatFit(1)).isPositive();
    }

    @Test
    void thisJvmHasABudget() {
        assertThat(HeapBudget.maxCustomers(Population.bytesPerCustomer())).isPositive();
        assertThatCode(() -> HeapBudget.check(1000, Population.bytesPerCustomer(), "market.initialCustomers"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> HeapBudget.check(Long.MAX_VALUE / 2, 1024, "market.potential"))
                .isInstanceOf(HeapBudgetException.class).hasMessageStartingWith("market.potential: ");
    }

    @Test
    void invalidArgumentsAreRefused() {
        HeapBudget budget = HeapBudget.assuming(GIB, 0);
        assertThatThrownBy(() -> budget.customersThatFit(0)).hasMessage("bytes per customer must be > 0, got 0");
        assertThatThrownBy(() -> budget.require(-1, 34, "market.potential"))
                .hasMessage("market.potential: the number of customers must be >= 0, got -1");
        assertThatThrownBy(() -> HeapBudget.assuming(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeapBudget.assuming(GIB, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
