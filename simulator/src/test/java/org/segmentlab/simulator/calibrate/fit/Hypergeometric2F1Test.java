package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ₂F₁ against closed forms, on both sides of the series / transformation switch and at integer c − a − b. */
class Hypergeometric2F1Test {

    /** Relative error allowed: 1e-10 (in percent for AssertJ), far above rounding, far below anything a fit notices. */
    private static final double PERCENT = 1e-8;

    @ParameterizedTest
    @ValueSource(doubles = {-50, -5, -0.5, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999})
    void logarithmWhereCMinusAMinusBIsZero(double z) {
        // 2F1(1,1;2;z) = -ln(1-z)/z: c - a - b = 0, the transformation's pole, so the near-integer path.
        assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(PERCENT));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, 0.2, 0.6, 0.946, 0.9999})
    void powerWhenBEqualsC(double z) {
        // 2F1(a,b;b;z) = (1-z)^-a, with CDNOW-like a (r = 0.243): diverges at 1 like the BG/NBD's.
        assertThat(Hypergeometric2F1.value(0.243, 2.426, 2.426, z)).isCloseTo(Math.pow(1 - z, -0.243),
                withinPercentage(PERCENT));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.7, 0.9, 0.999})
    void arcsine(double x) {
        // 2F1(1/2,1/2;3/2;x^2) = asin(x)/x: c - a - b = 1/2.
        assertThat(Hypergeometric2F1.value(0.5, 0.5, 1.5, x * x)).isCloseTo(Math.asin(x) / x, withinPercentage(PERCENT));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.8, 0.99, 0.99999})
    void inverseHyperbolicTangent(double x) {
        // 2F1(1/2,1;3/2;x^2) = atanh(x)/x: c - a - b = 0 again.
        double atanh = 0.5 * Math.log((1 + x) / (1 - x));
        assertThat(Hypergeometric2F1.value(0.5, 1, 1.5, x * x)).isCloseTo(atanh / x, withinPercentage(PERCENT));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 1.0, 1.5})
    void trigonometric(double x) {
        // 2F1(a,1-a;3/2;sin^2 x) = sin((2a-1)x) / ((2a-1) sin x), A&S 15.1.15.
        double a = 0.3;
        double s = Math.sin(x);
        assertThat(Hypergeometric2F1.value(a, 1 - a, 1.5, s * s))
                .isCloseTo(Math.sin((2 * a - 1) * x) / ((2 * a - 1) * s), withinPercentage(PERCENT));
    }

    @Test
    void transformationAgreesWithTheLongSeriesWithCdnowParameters() {
        // E[X(78)] for CDNOW needs 2F1(r, b; a+b-1; 78/(alpha+78)) with c - a - b = a - 1 - r = -0.45.
        double r = 0.243;
        double b = 2.426;
        double c = 0.793 + b - 1;
        for (double z : new double[] {0.6, 0.9, 0.946}) {
            assertThat(Hypergeometric2F1.value(r, b, c, z)).isCloseTo(Hypergeometric2F1.series(r, b, c, z),
                    withinPercentage(PERCENT));
        }
        // Continuous across the switch at z = 1/2.
        assertThat(Hypergeometric2F1.value(r, b, c, 0.5 + 1e-12)).isCloseTo(Hypergeometric2F1.value(r, b, c, 0.5),
                withinPercentage(PERCENT));
    }

    @Test
    void polynomialWhenAIsANegativeInteger() {
        // 2F1(-2,b;c;z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)).
        double b = 1.7;
        double c = 2.3;
        double z = 0.8;
        assertThat(Hypergeometric2F1.value(-2, b, c, z))
                .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), withinPercentage(PERCENT));
    }

    @Test
    void rejectsArgumentsWhereItIsUndefined() {
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
