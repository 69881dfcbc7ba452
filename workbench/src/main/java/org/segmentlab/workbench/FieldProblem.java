package org.segmentlab.workbench;

import org.segmentlab.simulator.scenario.LocatedProblem;

/**
 * One problem with what the page sent, addressed to the page's field it concerns so the page can show the message
 * beside it: a slider or grid cell by its override path (e.g. {@code market.innovation}), {@code upload} for the
 * uploaded file (with line and column), {@code scenario} for the choice of scenario, or {@code request} otherwise.
 *
 * @param field   the page field: an override path, {@code upload}, {@code scenario} or {@code request}
 * @param source  the file the problem is in ({@code four-types.yaml}, {@code upload.yaml}), or empty
 * @param path    the scenario path the validation named (may be empty)
 * @param line    1-based line in the uploaded file, or 0
 * @param column  1-based column, or 0
 * @param message what is wrong and what is allowed
 */
public record FieldProblem(String field, String source, String path, int line, int column, String message) {

    public static final String UPLOAD = "upload";
    public static final String SCENARIO = "scenario";
    public static final String REQUEST = "request";

    /** A validation problem of the scenario: an override's goes to its field, the file's to the upload. */
    static FieldProblem of(LocatedProblem problem, Iterable<String> overridePaths) {
        for (String path : overridePaths) {
            if (problem.source().equals("--set " + path)) {
                return new FieldProblem(path, "", problem.path(), 0, 0, problem.message());
            }
        }
        return new FieldProblem(UPLOAD, problem.source(), problem.path(), problem.line(), problem.column(), problem.message());
    }
}
