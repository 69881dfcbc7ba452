package org.segmentlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Problems carry the path a loader turns into {@code file:line:column: path: message}. */
class ProblemTest {

    @Test
    void seenFromAParent() {
        assertThat(new Problem("segments[0].name", "bad").under("taxonomy"))
                .isEqualTo(new Problem("taxonomy.segments[0].name", "bad"));
        assertThat(new Problem("[2].churn", "bad").under("archetypes"))
                .isEqualTo(new Problem("archetypes[2].churn", "bad"));
        assertThat(new Problem("", "bad").under("strategies[1]")).isEqualTo(new Problem("strategies[1]", "bad"));
        assertThat(new Problem("budget", "bad").under("")).isEqualTo(new Problem("budget", "bad"));
    }

    @Test
    void printedAsPathColonMessage() {
        assertThat(new Problem("budget", "must be >= 0")).hasToString("budget: must be >= 0");
        assertThat(new Problem("", "empty file")).hasToString("empty file");
    }

    @Test
    void anExceptionCarriesEveryProblemAndPrintsOnePerLine() {
        DefinitionException e = new DefinitionException(List.of(new Problem("a", "x"), new Problem("b", "y")));
        assertThat(e.problems()).hasSize(2);
        assertThat(e).hasMessage("a: x\nb: y").isInstanceOf(IllegalArgumentException.class);
        assertThat(DefinitionException.of("c", "z").problems()).containsExactly(new Problem("c", "z"));
        assertThatThrownBy(() -> new DefinitionException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
