package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/** The work and heap estimate, on injected heap sizes: from the largest population, and refusals whose figure passes. */
class RunBudgetTest {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private static final HeapBudget EIGHT_GIB = HeapBudget.assuming(8 * GIB, 0);
    private static final ScenarioDocument FOUR_TYPES = Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"));
    private static final Pattern SUGGESTION = Pattern.compile("at most (\\S+?)=(\\d+)(?: and (\\S+?)=\\d+)? fit");

    private static ScenarioDocument with(String... pathValues) {
        ScenarioDocument doc = FOUR_TYPES;
        for (int i = 0; i < pathValues.length; i += 2) {
            doc = doc.with(pathValues[i], pathValues[i + 1]);
        }
        return doc;
    }

    /** The refusal of {@code doc} in {@code budget}; then its suggested figure, set, must pass the same check. */
    private static HeapBudgetException refusedAndSuggestionPasses(ScenarioDocument doc, HeapBudget budget, String field) {
        HeapBudgetException e = catchThrowableOfType(HeapBudgetException.class,
                () -> RunBudget.of(doc.scenario()).require(budget, 1));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).startsWith(field + ": ").contains("JAVA_OPTS=-Xmx").doesNotContain("Exception");
        Matcher m = SUGGESTION.matcher(e.getMessage());
        assertThat(m.find()).as(e.getMessage()).isTrue();
        ScenarioDocument fixed = doc.with(m.group(1), m.group(2));
        if (m.group(3) != null) {
            fixed = fixed.with(m.group(3), m.group(2));
        }
        ScenarioDocument suggested = fixed;
        assertThatCode(() -> RunBudget.of(suggested.scenario()).require(budget, 1)).doesNotThrowAnyException();
        // and it is the largest that fits, not a timid one: one more is refused
        long value = Long.parseLong(m.group(2));
        ScenarioDocument oneMore = doc.with(m.group(1), Long.toString(value + 1));
        if (m.group(3) != null) {
            oneMore = oneMore.with(m.group(3), Long.toString(value + 1));
        }
        ScenarioDocument more = oneMore;
        assertThat(catchThrowableOfType(HeapBudgetException.class,
                () -> RunBudget.of(more.scenario()).require(budget, 1))).isNotNull();
        return e;
    }

    @Test
    void theRefusalStatesTheUsersNumberNotDoubleIt() {
        ScenarioDocument doc = with("market.potential", "100000000", "market.initialCustomers", "100000000");
        HeapBudgetException e = refusedAndSuggestionPasses(doc, EIGHT_GIB, "market.initialCustomers and market.potential");
        assertThat(e.getMessage()).contains(" 100000000 customers ").doesNotContain("200000000");
    }

    @Test
    void growthTowardThePotentialIsCountedAndRefused() {
        // Today's check saw 0 customers and let this die mid-run with an OutOfMemoryError.
        ScenarioDocument doc = with("market.initialCustomers", "0", "market.potential", "2000000000");
        Scenario s = doc.scenario();
        assertThat(RunBudget.of(s).largestPopulation()).isGreaterThan(100_000_000L);
        HeapBudgetException e = refusedAndSuggestionPasses(doc, EIGHT_GIB, "market.potential");
        assertThat(e.getMessage()).contains("can grow from 0 to ").contains("whatever the heap");
    }

    @Test
    void fullInnovationReachesThePotentialInOneMonth() {
        Scenario s = with("market.initialCustomers", "0", "market.potential", "2000000", "market.innovation", "1")
                .scenario();
        assertThat(RunBudget.of(s).largestPopulation()).isEqualTo(2_000_000L);
        refusedAndSuggestionPasses(with("market.initialCustomers", "0", "market.potential", "20000000",
                "market.innovation", "1"), HeapBudget.assuming(GIB, 0), "market.potential");
    }

    @Test
    void withoutAcquisitionThePopulationStaysAtItsStart() {
        Scenario s = with("market.innovation", "0", "market.imitation", "0").scenario();
        assertThat(RunBudget.of(s).largestPopulation()).isEqualTo(100_000L);
        HeapBudgetException e = refusedAndSuggestionPasses(with("market.innovation", "0", "market.imitation", "0",
                "market.initialCustomers", "1000000"), HeapBudget.assuming(GIB / 8, 0), "market.initialCustomers");
        assertThat(e.getMessage()).contains(" 1000000 customers ");
    }

    @Test
    void theShippedScenarioCountsItsGrowthAndFits() {
        RunBudget b = RunBudget.of(FOUR_TYPES.scenario());
        // q = 0.25 with every adopter counted as a full advocate saturates the million within 36 months
        assertThat(b.largestPopulation()).isBetween(900_000L, 1_000_000L);
        int strategies = FOUR_TYPES.scenario().strategies().size();
        assertThat(b.customerMonths()).isEqualTo(12L * 100_000 + strategies * 36L * b.largestPopulation());
        assertThatCode(() -> b.require(EIGHT_GIB, 1)).doesNotThrowAnyException();
    }

    @Test
    void resultsOfManyLongReplicationsAreCountedAndReplicationsNamed() {
        // Every strategy × replication keeps a months² cohort table: 10 000 replications of 1200 months is ~ 250 GiB.
        ScenarioDocument doc = with("market.initialCustomers", "1000", "market.potential", "2000", "months", "1200",
                "replications", "10000");
        assertThat(RunBudget.of(doc.scenario()).peakBytes()).isGreaterThan(200 * GIB);
        refusedAndSuggestionPasses(doc, EIGHT_GIB, "replications");
    }

    @Test
    void concurrentRunsShareTheHeap() {
        RunBudget b = RunBudget.of(FOUR_TYPES.scenario());
        HeapBudget justOne = HeapBudget.assuming((long) (b.peakBytes() / HeapBudget.USABLE_SHARE) + GIB / 64, 0);
        assertThatCode(() -> b.require(justOne, 1)).doesNotThrowAnyException();
        HeapBudgetException e = catchThrowableOfType(HeapBudgetException.class, () -> b.require(justOne, 2));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("2 runs at once (--threads)");
    }

    @Test
    void theCollectorsLayoutLowersWhatFitsAndTheFigureStillPasses() {
        // HeapLimitTest's market in a 160 MiB heap: everyone arrives in month 1.
        ScenarioDocument doc = with("market.initialCustomers", "0", "market.innovation", "1", "months", "2",
                "events", "[]", "market.potential", "5000000");
        HeapBudget plain = HeapBudget.assuming(160 * MIB, 8 * MIB);
        long anyCollector = suggested(refusedAndSuggestionPasses(doc, plain, "market.potential"));
        // G1 with 1 MiB regions: each column just over a region takes two.
        long g1 = suggested(refusedAndSuggestionPasses(doc, plain.withCollector(MIB, 0), "market.potential"));
        // Parallel: the columns must fit in the old generation, two thirds of the heap.
        long parallel = suggested(refusedAndSuggestionPasses(doc, plain.withCollector(0, 107 * MIB),
                "market.potential"));
        assertThat(g1).isLessThan(anyCollector * 9 / 10);
        assertThat(parallel).isLessThan(anyCollector * 9 / 10);
        // Large regions in a large heap cost little: 32 MiB regions of a 64 GiB heap.
        HeapBudget big = HeapBudget.assuming(64 * GIB, 0);
        ScenarioDocument huge = doc.with("market.potential", "2000000000");
        long bigAny = suggested(refusedAndSuggestionPasses(huge, big, "market.potential"));
        long bigG1 = suggested(refusedAndSuggestionPasses(huge, big.withCollector(32 * MIB, 0), "market.potential"));
        assertThat(bigG1).isBetween(bigAny * 95 / 100, bigAny);
    }

    private static long suggested(HeapBudgetException e) {
        Matcher m = SUGGESTION.matcher(e.getMessage());
        assertThat(m.find()).as(e.getMessage()).isTrue();
        return Long.parseLong(m.group(2));
    }

    @Test
    void theWorkOfTheWorkbenchAttackIsCountedFromThePotential() {
        Scenario s = with("market.initialCustomers", "0", "market.potential", "2000000", "market.innovation", "1",
                "months", "1200", "replications", "10000").scenario();
        // every month walks the 2 million customers acquired in month 1
        assertThat(RunBudget.of(s).customerMonths())
                .isEqualTo(10_000L * s.strategies().size() * 1200 * 2_000_000);
    }
}
