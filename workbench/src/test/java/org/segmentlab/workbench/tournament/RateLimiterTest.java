package org.segmentlab.workbench.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, 2_000_000_000L, 2, now::get);

    @Test
    void aKeySpendsItsBurstThenWaitsForTheRefill() {
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(2);
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.tryAcquire("a")).as("half a token after 1 s").isFalse();
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void keysHaveTheirOwnBucketsAndTheRefillStopsAtTheCapacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("b")).as("another client is not limited by a").isTrue();
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).as("an hour's wait still gives only the capacity").isFalse();
    }
}
