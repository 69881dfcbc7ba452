package org.segmentlab.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The one mixing function: pinned outputs, and the same numbers as the JDK's SplitMix64. */
class SplitMix64Test {

    @Test
    void mixIsTheSplitMix64Finaliser() {
        // Known value of Stafford's variant 13 (SplitMix64's first output for seed 0 is mix(golden gamma)).
        assertThat(SplitMix64.mix(0x9e3779b97f4a7c15L)).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(SplitMix64.mix(0)).isZero();
    }

    @Test
    void givesTheJdkSplittableRandomSequence() {
        SplittableRandom jdk = new SplittableRandom(20240601L);
        long state = 20240601L;
        for (int i = 0; i < 1000; i++) {
            state += SplitMix64.GOLDEN_GAMMA;
            assertThat(SplitMix64.mix(state)).isEqualTo(jdk.nextLong());
        }
    }
}
