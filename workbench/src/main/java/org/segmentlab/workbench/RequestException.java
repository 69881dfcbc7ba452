package org.segmentlab.workbench;

import java.util.List;
import java.util.stream.Collectors;

/** What the page sent cannot be run: every problem, each addressed to a field of the page. Answered with 400. */
public final class RequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public RequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RequestException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static RequestException of(String field, String message) {
        return new RequestException(List.of(new FieldProblem(field, "", "", 0, 0, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
