package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PortableExp} against e^x computed to 50 digits: within two ulps everywhere the engine asks (the Poisson
 * inversion's −10 < x ≤ 0) and down to its documented limit, so the counts it sets off are those of the exact e^−mean
 * but for a uniform falling within two ulps of a cdf value.
 */
class PortableExpTest {
    private static final MathContext DIGITS = new MathContext(50);

    @Test
    void isWithinTwoUlpsOfTheExactValue() {
        SplittableRandom random = new SplittableRandom(20261206L);
        double worst = 0;
        for (int i = 0; i < 11_000; i++) {
            double x = i < 10_000 ? -10 * random.nextDouble() : PortableExp.MIN * random.nextDouble();
            worst = Math.max(worst, ulpsOff(x));
        }
        for (double x : new double[] {0, -0.0, -Double.MIN_VALUE, -1e-300, -1e-9, -0.5 * Math.log(2), -Math.log(2),
            -1, -9.999999999, -10, -100, PortableExp.MIN}) {
            worst = Math.max(worst, ulpsOff(x));
        }
        assertThat(worst).as("largest error in ulps").isLessThanOrEqualTo(2.0);
    }

    @Test
    void isOneAtZeroAndFallsWithX() {
        assertThat(PortableExp.ofNonPositive(0)).isEqualTo(1.0);
        double previous = 1.0;
        for (double x = -0.001; x > -10; x -= 0.001) {
            double e = PortableExp.ofNonPositive(x);
            assertThat(e).as("e^%s", x).isLessThanOrEqualTo(previous);
            previous = e;
        }
    }

    /** |PortableExp(x) − e^x| in ulps of the exact value. */
    private static double ulpsOff(double x) {
        BigDecimal exact = exp(new BigDecimal(x));
        double ours = PortableExp.ofNonPositive(x);
        double ulp = Math.ulp(exact.doubleValue());
        return new BigDecimal(ours).subtract(exact).abs().doubleValue() / ulp;
    }

    /** e^x for x ≤ 0 to 50 digits: 1 / e^|x|, the series of e^|x| having no cancellation. */
    private static BigDecimal exp(BigDecimal x) {
        BigDecimal a = x.abs();
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; term.compareTo(sum.ulp()) > 0 || n < 5; n++) {
            term = term.multiply(a, DIGITS).divide(BigDecimal.valueOf(n), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        return BigDecimal.ONE.divide(sum, DIGITS);
    }
}
