package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;
import org.segmentlab.simulator.random.StreamPurpose;

/**
 * The stream codes are part of every saved result: a (scenario, seed) reproduces only while each purpose keeps its
 * code, and so its salt and its draws. These pins fail when a code is changed, reused or missing, and say what to
 * do. Deterministic: no false failures.
 */
class StreamCodesTest {

    private static final String CONTRACT = " Stream codes are part of the reproducibility contract (CustomerRandom.Purpose"
            + " and StreamPurpose): never change or reuse a code; give a new purpose the next free code and pin it here.";

    /** Every engine purpose's code and salt, as released. A removed purpose moves to {@link #RETIRED_CUSTOMER_CODES}. */
    private static final Map<String, long[]> CUSTOMER_PURPOSES = new LinkedHashMap<>();

    static {
        pin("EVENT", 1, 0xE9E0033E3BADAF36L);
        pin("LEAKAGE", 2, 0x6D9DC91F0BE0C0ADL);
        pin("PURCHASES", 3, 0xF0ED10FD2941930FL);
        pin("BASKETS", 4, 0xD62E195B18BB85BAL);
        pin("SERVICE", 5, 0x4EC91AA99468BF21L);
        pin("COMPLAINTS", 6, 0x76AA6BB4493CA0BEL);
        pin("RECOVERY", 7, 0xE712B05C0CDB5309L);
        pin("REFERRAL", 8, 0x9597B297171C9AA5L);
        pin("CHURN", 9, 0xFF5AFAB31DAF500EL);
        pin("DROPOUT", 10, 0x5543ADF6CB44BEBDL);
        pin("SURVEY", 11, 0xBCA9980136E54816L);
        pin("VOICE", 12, 0x730A3FB45389D293L);
        pin("SERVICE_FEE", 13, 0x24DEFD1DFB319986L);
        pin("TERMINATION", 14, 0xE21CBA899376812BL);
        pin("WIN_BACK_OPEN", 15, 0xA9D0437BFFDAB9D7L);
        pin("WIN_BACK", 16, 0xB4B7271C66CF226CL);
    }

    /** Codes of engine purposes that were removed: never given to another purpose. */
    private static final Set<Integer> RETIRED_CUSTOMER_CODES = Set.of();

    private static void pin(String purpose, int code, long salt) {
        CUSTOMER_PURPOSES.put(purpose, new long[] {code, salt});
    }

    @Test
    void everyEnginePurposeKeepsItsCodeAndSalt() {
        for (Purpose p : Purpose.values()) {
            long[] pinned = CUSTOMER_PURPOSES.get(p.name());
            if (pinned == null) {
                fail("CustomerRandom.Purpose." + p + " (code " + p.code() + ") is not pinned: give it the next free code "
                        + nextFreeCode() + " and add it to CUSTOMER_PURPOSES with its salt." + CONTRACT);
            }
            assertThat(p.code()).as("code of Purpose.%s changed: put back %d.%s", p, pinned[0], CONTRACT)
                    .isEqualTo((int) pinned[0]);
            assertThat(p.salt()).as("salt of Purpose.%s changed, so every draw for it changes.%s", p, CONTRACT)
                    .isEqualTo(pinned[1]);
        }
        Set<String> names = new HashSet<>();
        for (Purpose p : Purpose.values()) {
            names.add(p.name());
        }
        for (String pinned : CUSTOMER_PURPOSES.keySet()) {
            assertThat(names).as("Purpose.%s was removed or renamed: a rename keeps the code (rename the pin too); a removal"
                    + " moves the code to RETIRED_CUSTOMER_CODES so it is never reused.", pinned).contains(pinned);
        }
    }

    @Test
    void enginePurposeCodesAreUniqueAndNeverReused() {
        Set<Integer> seen = new HashSet<>();
        for (Purpose p : Purpose.values()) {
            assertThat(p.code()).as("Purpose.%s: codes start at 1 (0 would give every purpose's sequences a common"
                    + " start)", p).isPositive();
            assertThat(seen.add(p.code())).as("Purpose.%s reuses code %d.%s", p, p.code(), CONTRACT).isTrue();
            assertThat(RETIRED_CUSTOMER_CODES).as("Purpose.%s takes the retired code %d.%s", p, p.code(), CONTRACT)
                    .doesNotContain(p.code());
        }
    }

    @Test
    void streamPurposeCodesArePinned() {
        Map<StreamPurpose, Integer> pinned = Map.of(StreamPurpose.INITIAL_POPULATION, 1, StreamPurpose.ACQUISITION, 2,
                StreamPurpose.EVENTS, 3, StreamPurpose.REFERRALS, 4, StreamPurpose.ACQUIRED_TRAITS, 5,
                StreamPurpose.REFERRED_TRAITS, 6);
        for (StreamPurpose p : StreamPurpose.values()) {
            assertThat(pinned).as("StreamPurpose.%s is not pinned: give it the next free code and pin it here.%s", p,
                    CONTRACT).containsKey(p);
            assertThat(p.code()).as("code of StreamPurpose.%s changed.%s", p, CONTRACT).isEqualTo(pinned.get(p));
        }
    }

    @Test
    void aCustomersDrawsAtAFixedPositionArePinned() {
        // A saved seed's draws: the month key, the customer's base and the purpose's salt all go into them.
        long key = CustomerRandom.monthKey(20240601L, 2, 7);
        assertThat(key).as("CustomerRandom.monthKey changed: every result changes").isEqualTo(0x525A30F33B546778L);
        assertDraws(key, Purpose.PURCHASES, 0xBB35BF9D658D805CL, 0xE9B3E10A056D6200L, 0xFD19154A01DFCE4DL);
        assertDraws(key, Purpose.CHURN, 0x89F5B3AB2DC3C977L, 0xBCE3672700768AADL, 0x33653116A6DAC36DL);
        assertDraws(key, Purpose.WIN_BACK, 0x88E7AB9190B61DC2L, 0x075F4CE601420378L, 0x03E3E15C9C66726CL);
        assertThat(new CustomerRandom().reset(key, 12_345, Purpose.PURCHASES).nextDouble())
                .as("a uniform is the top 53 bits of a draw").isEqualTo(0.7312888869542373);
    }

    private static void assertDraws(long key, Purpose purpose, long... expected) {
        CustomerRandom reset = new CustomerRandom().reset(key, 12_345, purpose);
        CustomerRandom atBase = new CustomerRandom().resetAt(CustomerRandom.customerBase(key, 12_345), purpose);
        for (int i = 0; i < expected.length; i++) {
            assertThat(reset.nextLong()).as("draw %d for %s changed: saved seeds no longer reproduce.%s", i, purpose,
                    CONTRACT).isEqualTo(expected[i]);
            assertThat(atBase.nextLong()).as("resetAt(customerBase) and reset give the same sequence").isEqualTo(expected[i]);
        }
    }

    private static int nextFreeCode() {
        int max = RETIRED_CUSTOMER_CODES.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (long[] pinned : CUSTOMER_PURPOSES.values()) {
            max = Math.max(max, (int) pinned[0]);
        }
        return max + 1;
    }
}
