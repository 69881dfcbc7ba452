package org.segmentlab.reports.calibration;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code parameters.json}: the source log, calibration end (ISO date or null), unit and SegmentLab version, and per
 * model its name, description, log-likelihood, observations and parameters (name, estimate, standardError).
 * Numbers are written at full precision so they read back exactly; an unknown standard error is null.
 */
final class ParametersJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ParametersJson() {
    }

    /** Writes the file's content; the caller closes {@code out}. */
    public static void write(CalibrationReportInput input, OutputStream out) throws IOException {
        MAPPER.writeValue(out, tree(input));
    }

    /** The content as a JSON tree. */
    public static ObjectNode tree(CalibrationReportInput input) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", input.title());
        root.put("source", input.source());
        if (input.calibrationEnd() != null) {
            root.put("calibrationEnd", input.calibrationEnd().toString());
        } else {
            root.putNull("calibrationEnd");
        }
        root.put("unit", input.unit());
        root.put("version", input.version());
        ArrayNode models = root.putArray("models");
        for (FittedModel model : input.models()) {
            ObjectNode m = models.addObject();
            m.put("name", model.name());
            m.put("description", model.description());
            m.put("logLikelihood", model.logLikelihood());
            m.put("observations", model.observations());
            ArrayNode parameters = m.putArray("parameters");
            for (FittedParameter p : model.parameters()) {
                ObjectNode node = parameters.addObject();
                node.put("name", p.name());
                node.put("estimate", p.estimate());
                if (Double.isNaN(p.standardError())) {
                    node.putNull("standardError");
                } else {
                    node.put("standardError", p.standardError());
                }
            }
        }
        return root;
    }
}
