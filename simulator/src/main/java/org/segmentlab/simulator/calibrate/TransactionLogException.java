package org.segmentlab.simulator.calibrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A transaction log cannot be read as asked: a bad line (when the reader fails at the first), a header that lacks
 * a mapped column, or a file that is not UTF-8 text. Bad input, not a program failure; the message is one
 * {@code file:line: what is wrong} per problem.
 */
public final class TransactionLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<BadLine> problems;

    public TransactionLogException(List<BadLine> problems) {
        super(problems.stream().map(BadLine::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TransactionLogException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public TransactionLogException(BadLine problem) {
        this(List.of(problem));
    }

    public List<BadLine> problems() {
        return problems;
    }
}
