package org.segmentlab.reports.calibration;

import java.io.IOException;
import java.io.Writer;

import org.segmentlab.simulator.csv.Csv;

/**
 * {@code parameters.csv}, tidy: header {@code model,parameter,estimate,standard_error}, one row per parameter in
 * model order. Numbers via {@link Double#toString} so they read back exactly; an unknown standard error is an
 * empty field. Fields are quoted by the one rule of {@link Csv} ("BG/NBD" needs none).
 */
public final class ParametersCsv {
    public static final String HEADER = "model,parameter,estimate,standard_error";

    private ParametersCsv() {
    }

    /** Writes the table; the caller closes {@code out}. */
    public static void write(CalibrationReportInput input, Writer out) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (FittedModel model : input.models()) {
            for (FittedParameter p : model.parameters()) {
                Csv.appendField(text, model.name()).append(',');
                Csv.appendField(text, p.name()).append(',').append(Double.toString(p.estimate())).append(',');
                if (!Double.isNaN(p.standardError())) {
                    text.append(Double.toString(p.standardError()));
                }
                text.append('\n');
            }
        }
        out.write(text.toString());
    }
}
