package org.segmentlab.model;

import java.util.List;
import java.util.stream.Collectors;

/** A definition (taxonomy, treatment, strategy) is invalid; carries every problem found, not just the first. */
public final class DefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DefinitionException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static DefinitionException of(String path, String message) {
        return new DefinitionException(List.of(new Problem(path, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
