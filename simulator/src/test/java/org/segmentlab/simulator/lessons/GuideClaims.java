package org.segmentlab.simulator.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * Claims docs/workshop.md makes about the shipped run that only its full size shows reliably: at the lesson tests'
 * size (4 000 customers) they held in 5 to 9 of 10 seeds, at the shipped size in 10 of 10 replications. They are
 * checked on the runs {@link WorkshopNumbersTest} makes anyway (the shipped run and the variants the guide quotes),
 * so they cost at most one run more. Each problem names the scenario and the sentence of the guide.
 */
final class GuideClaims {
    private static final String PROFIT = "profit_cumulative";

    private GuideClaims() {
    }

    /** What the guide says about this scenario's shipped runs and does not hold now (empty when every claim holds). */
    static List<String> problems(WorkshopNumbers.ShippedRuns runs) {
        List<String> problems = new ArrayList<>();
        switch (runs.scenario) {
            case "discount-trap" -> {
                WorkshopRun trained = runs.with("behaviour.dealTraining", "0.05");
                String best = best(trained, "no-campaign", "blanket", "precise", "precise-leaky");
                check(problems, best.equals("blanket"), "discount-trap: with behaviour.dealTraining=0.05 the blanket "
                        + "campaign earns the most (now " + best + ")");
            }
            case "snow-leopard-hunt" -> {
                WorkshopRun r = runs.shipped();
                check(problems, r.at("hunt", PROFIT, 12) < r.at("no-hunt", PROFIT, 12), "snow-leopard-hunt: judged "
                        + "after one year the hunt looks like a mistake (behind no-hunt at month 12)");
                int even = aheadFrom(r, "hunt", "no-hunt");
                check(problems, even >= 13 && even <= 24, "snow-leopard-hunt: the hunt breaks even in the second year "
                        + "(now from month " + even + ")");
            }
            case "retention-economics" -> {
                WorkshopRun r = runs.shipped();
                int even = aheadFrom(r, "member-care", "do-nothing");
                check(problems, even >= 13 && even <= 24, "retention-economics: the programme overtakes doing nothing "
                        + "in the second year (now from month " + even + ")");
                WorkshopRun flat = runs.with("behaviour.tenureSpendGrowth", "0", "behaviour.tenureServiceDecline", "0");
                check(problems, flat.last("member-care", PROFIT) < flat.last("do-nothing", PROFIT), "retention-economics: "
                        + "without the tenure effects the same programme ends behind doing nothing");
            }
            case "vampires" -> {
                WorkshopRun r = runs.shipped();
                check(problems, r.last("charge-for-extras", "active") < r.last("service-standards", "active"),
                        "vampires: charging keeps fewer customers than the service standard");
            }
            default -> {
                // The other lessons' claims hold at the test size: WorkshopLessons checks them.
            }
        }
        return problems;
    }

    private static void check(List<String> problems, boolean holds, String claim) {
        if (!holds) {
            problems.add("docs/workshop.md says: " + claim);
        }
    }

    /** The strategy with the highest cumulative profit at the end. */
    private static String best(WorkshopRun r, String... strategies) {
        String best = strategies[0];
        for (String s : strategies) {
            if (r.last(s, PROFIT) > r.last(best, PROFIT)) {
                best = s;
            }
        }
        return best;
    }

    /** The first month from which {@code better} stays ahead of {@code than} to the end, or -1 if it never does. */
    static int aheadFrom(WorkshopRun r, String better, String than) {
        int from = -1;
        for (int t = 1; t <= r.months(); t++) {
            boolean ahead = r.at(better, PROFIT, t) > r.at(than, PROFIT, t);
            if (!ahead) {
                from = -1;
            } else if (from < 0) {
                from = t;
            }
        }
        return from;
    }
}
