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
                        + HeapBudget.grouped(fit) + " fit in the 2.7 GiB this JVM may use (70% of the 4.0 GiB maximum heap, "
                        + "less 102.4 MiB in use; raise -Xmx or lower the size)");
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
