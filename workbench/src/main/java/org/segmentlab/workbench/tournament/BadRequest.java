package org.segmentlab.workbench.tournament;

import java.util.List;

import org.segmentlab.workbench.FieldProblem;
import org.segmentlab.workbench.RequestException;

/** Problems with a tournament request, addressed to their fields (answered 400 like every workbench problem). */
final class BadRequest {

    private BadRequest() {
    }

    static RequestException at(String field, String message) {
        return new RequestException(List.of(new FieldProblem(field, "", field, 0, 0, message)));
    }
}
