package org.segmentlab.simulator.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario (or an override of one) is invalid: carries every problem found, each located, in file order.
 * The message is one problem per line, ready to print.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<LocatedProblem> problems;

    public ScenarioException(List<LocatedProblem> problems) {
        super(problems.stream().map(LocatedProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order (overrides after the file). */
    public List<LocatedProblem> problems() {
        return problems;
    }
}
