package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * What one workbench run may cost, so one trainee cannot occupy the shared machine: at most {@code maxCustomers}
 * at month 0, a market potential (the most customers a run can grow to) of at most ten times that, at most
 * {@link #MONTHS_PER_CUSTOMER_CAP} customer-months per allowed customer over all strategies and replications, and a
 * run that fits in this server's heap. Work and heap come from {@link RunBudget}: the largest population the run can
 * reach (its growth toward the potential), not the month-0 customers. Larger runs belong to {@code segmentlab run}.
 */
public record RunLimits(int maxCustomers) {

    /** Potential may be this many times the customer cap (the shipped scenarios use 10×). */
    static final int POTENTIAL_FACTOR = 10;
    /** Work allowed: e.g. the cap population for 120 months under 5 strategies. */
    static final long MONTHS_PER_CUSTOMER_CAP = 600;

    /** @throws RequestException naming each limit the scenario exceeds, at its field */
    public void check(Scenario scenario) {
        List<FieldProblem> problems = new ArrayList<>();
        long customers = scenario.market().initialCustomers();
        if (customers > maxCustomers) {
            problems.add(new FieldProblem("market.initialCustomers", "", "market.initialCustomers", 0, 0,
                    "the workbench runs at most " + maxCustomers + " customers (this server's --max-customers), got "
                            + customers + "; use 'segmentlab run' for larger populations"));
        }
        long potentialCap = (long) POTENTIAL_FACTOR * maxCustomers;
        if (scenario.market().potential() > potentialCap) {
            problems.add(new FieldProblem("market.potential", "", "market.potential", 0, 0,
                    "the workbench allows a market potential of at most " + potentialCap + " (ten times --max-customers), got "
                            + scenario.market().potential()));
        }
        RunBudget budget = RunBudget.of(scenario);
        long work = budget.customerMonths();
        long workCap = MONTHS_PER_CUSTOMER_CAP * maxCustomers;
        if (problems.isEmpty() && work > workCap) {
            String field = scenario.replications() > 1 ? "replications" : "months";
            problems.add(new FieldProblem(field, "", field, 0, 0, String.format(Locale.ROOT,
                    "this run is too large for the workbench: up to %d customer-months (the population can grow from"
                            + " %d to %d customers toward market.potential %d, × %d months × %d strategies × %d"
                            + " replications); the limit is %d. Lower months, replications, market.potential or"
                            + " market.initialCustomers, or use 'bin/segmentlab run'",
                    work, budget.startCustomers(), budget.largestPopulation(), scenario.market().potential(),
                    scenario.months(), scenario.strategies().size(), scenario.replications(), workCap)));
        }
        if (problems.isEmpty()) {
            try {
                budget.check(1);
            } catch (HeapBudgetException e) {
                // "market.initialCustomers and market.potential": the form shows it at the first.
                String field = e.field().split(" ")[0];
                problems.add(new FieldProblem(field, "", field, 0, 0, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestException(problems);
        }
    }
}
