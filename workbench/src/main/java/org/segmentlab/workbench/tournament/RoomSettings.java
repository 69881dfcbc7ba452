package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.workbench.FieldProblem;
import org.segmentlab.workbench.RequestException;

/**
 * A room's settings. Every field may be left out of the request (null) and gets a default from the scenario.
 *
 * @param objective      what ranks the teams ({@link Objective}; profit)
 * @param budget         each team's monthly treatment budget (the strategy {@code budget}: when it binds, the most
 *                       valuable customers are treated first); default: the scenario's largest strategy budget
 *                       scaled to the room's population, else 2.5 per customer
 * @param replications   runs per round, for intervals, 1 to {@link #MAX_REPLICATIONS} (5)
 * @param customers      month-0 customers, 100 to the server's --max-customers (the scenario's, at most 5,000)
 * @param monthsPerRound months simulated per round, 1 to {@link #MAX_MONTHS_PER_ROUND} (12, at most the scenario's)
 * @param mode           how the next round starts ({@link RoundMode}; continue)
 */
public record RoomSettings(Objective objective, double budget, int replications, int customers, int monthsPerRound,
                           RoundMode mode) {

    static final int MAX_REPLICATIONS = 10;
    static final int MAX_MONTHS_PER_ROUND = 24;
    static final int MIN_CUSTOMERS = 100;
    static final int DEFAULT_CUSTOMERS = 5_000;
    static final double DEFAULT_BUDGET_PER_CUSTOMER = 2.5;

    /** A settings request as the page sends it (any field may be null). */
    public record Request(String objective, Double budget, Integer replications, Integer customers,
                          Integer monthsPerRound, String mode) {
        public static final Request DEFAULTS = new Request(null, null, null, null, null, null);
    }

    /** The settings of {@code request} on {@code scenario}. @throws RequestException naming each bad field */
    static RoomSettings of(Request request, Scenario scenario, int maxCustomers) {
        List<FieldProblem> problems = new ArrayList<>();
        Objective objective = request.objective() == null ? Objective.PROFIT : Objective.byId(request.objective());
        if (objective == null) {
            problems.add(problem("objective", "choose profit, retention or customers, got '" + request.objective() + "'"));
        }
        int customers = request.customers() != null ? request.customers()
                : Math.min(Math.min(DEFAULT_CUSTOMERS, maxCustomers), scenario.market().initialCustomers());
        if (customers < MIN_CUSTOMERS || customers > maxCustomers) {
            problems.add(problem("customers", "between " + MIN_CUSTOMERS + " and " + maxCustomers
                    + " (this server's --max-customers), got " + customers));
        }
        int replications = request.replications() != null ? request.replications() : 5;
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            problems.add(problem("replications", "between 1 and " + MAX_REPLICATIONS + ", got " + replications));
        }
        int months = request.monthsPerRound() != null ? request.monthsPerRound() : Math.min(12, scenario.months());
        if (months < 1 || months > MAX_MONTHS_PER_ROUND) {
            problems.add(problem("monthsPerRound", "between 1 and " + MAX_MONTHS_PER_ROUND + ", got " + months));
        }
        double budget = request.budget() != null ? request.budget() : defaultBudget(scenario, customers);
        if (!(budget >= 0 && Double.isFinite(budget))) {
            problems.add(problem("budget", "a monthly amount of 0 or more, got " + budget));
        }
        RoundMode mode = request.mode() == null ? RoundMode.CONTINUE : RoundMode.byId(request.mode().toLowerCase(Locale.ROOT));
        if (mode == null) {
            problems.add(problem("mode", "continue or restart, got '" + request.mode() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new RequestException(problems);
        }
        return new RoomSettings(objective, budget, replications, customers, months, mode);
    }

    /** The scenario's largest strategy budget per month-0 customer, times the room's customers; else 2.5 each. */
    static double defaultBudget(Scenario scenario, int customers) {
        double perCustomer = scenario.strategies().stream().map(Strategy::budget)
                .filter(b -> b.isPresent()).mapToDouble(b -> b.getAsDouble()).max()
                .orElse(DEFAULT_BUDGET_PER_CUSTOMER * scenario.market().initialCustomers())
                / Math.max(1, scenario.market().initialCustomers());
        return Math.round(perCustomer * customers);
    }

    RoomSettings withMode(RoundMode next) {
        return new RoomSettings(objective, budget, replications, customers, monthsPerRound, next);
    }

    private static FieldProblem problem(String field, String message) {
        return new FieldProblem(field, "", field, 0, 0, message);
    }
}
