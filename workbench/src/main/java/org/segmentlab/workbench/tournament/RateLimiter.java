package org.segmentlab.workbench.tournament;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a client address, a team): each key may spend {@code capacity} at once and earns one token
 * back every {@code refillNanos}. The keys are bounded: the least recently used is forgotten past
 * {@code maxKeys} (forgetting only ever gives a client a full bucket, never locks one out).
 */
public final class RateLimiter {

    private final int capacity;
    private final long refillNanos;
    private final int maxKeys;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets;

    /** A limiter on the monotonic clock. */
    public RateLimiter(int capacity, long refillNanos, int maxKeys) {
        this(capacity, refillNanos, maxKeys, System::nanoTime);
    }

    RateLimiter(int capacity, long refillNanos, int maxKeys, LongSupplier clock) {
        if (capacity < 1 || refillNanos < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, refill and keys must be positive");
        }
        this.capacity = capacity;
        this.refillNanos = refillNanos;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    /** Takes one token for {@code key}; false when its bucket is empty (the caller answers 429). */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        b.tokens = Math.min(capacity, b.tokens + (now - b.updated) / (double) refillNanos);
        b.updated = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return true;
        }
        return false;
    }

    /** Seconds until {@code key} has a token again (for Retry-After), at least 1. */
    public synchronized long retryAfterSeconds(String key) {
        Bucket b = buckets.get(key);
        double missing = b == null ? 0 : Math.max(0, 1 - b.tokens);
        return Math.max(1, (long) Math.ceil(missing * refillNanos / 1e9));
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
