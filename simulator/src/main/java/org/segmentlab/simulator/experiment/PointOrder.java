package org.segmentlab.simulator.experiment;

/**
 * The order a sweep runs its points in: bit-reversed (van der Corput) over the point ids, so every prefix of the
 * order is spread over the whole design — point 0, then the middle, then the quarters … — and a sweep stopped
 * early has already covered the space coarsely rather than one corner finely.
 */
public final class PointOrder {

    private PointOrder() {
    }

    /** A permutation of 0 … n−1. */
    public static int[] interleaved(int n) {
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        // bits ≥ 1, so the shift below is 31 at most (a shift by 32 would be no shift in Java).
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        int k = 0;
        for (long i = 0; i < (1L << bits) && k < n; i++) {
            int r = Integer.reverse((int) i) >>> (32 - bits);
            if (r < n) {
                order[k++] = r;
            }
        }
        return order;
    }
}
