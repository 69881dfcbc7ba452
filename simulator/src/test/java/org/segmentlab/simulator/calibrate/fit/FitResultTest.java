package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FitResultTest {

    private static FitResult result() {
        return new FitResult("m", List.of("x", "y"), new double[] {1, 2}, new double[] {0.1, 0.2}, -5, 10,
                List.of(new FitResult.StartOptimum(new double[] {1, 1}, new double[] {1, 2}, -5, 40),
                        new FitResult.StartOptimum(new double[] {3, 3}, new double[] {1, 2.1}, -5.5, 50)));
    }

    @Test
    void tableListsTheParametersByName() {
        FitResult r = result();
        assertThat(r.table()).containsExactly(new FitResult.Parameter("x", 1, 0.1), new FitResult.Parameter("y", 2, 0.2));
        assertThat(r.estimate("y")).isEqualTo(2);
        assertThat(r.standardError("x")).isEqualTo(0.1);
        assertThat(r.startSpread()).isEqualTo(0.1);
        assertThatThrownBy(() -> r.estimate("z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysAreCopies() {
        double[] est = {1, 2};
        FitResult r = new FitResult("m", List.of("x", "y"), est, new double[] {0, 0}, 0, 1, List.of());
        est[0] = 99;
        r.estimates()[1] = 99;
        assertThat(r.estimates()).containsExactly(1, 2);
    }

    @Test
    void timeUnitsByCommandLineKey() {
        assertThat(TimeUnit.fromKey("Weeks")).isEqualTo(TimeUnit.WEEKS);
        assertThat(TimeUnit.MONTHS.days()).isEqualTo(30.4375);
        assertThat(TimeUnit.WEEKS.key()).isEqualTo("weeks");
        assertThatThrownBy(() -> TimeUnit.fromKey("fortnights")).isInstanceOf(IllegalArgumentException.class);
    }
}
