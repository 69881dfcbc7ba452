package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code segmentlab schema}: the shipped JSON Schema on stdout, exit 0. */
class SchemaCommandTest {

    @Test
    void printsTheShippedSchema() throws Exception {
        CommandLine cmd = new CommandLine(new SchemaCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        assertThat(cmd.execute()).isZero();

        String shipped = Files.readString(Path.of("..", "scenarios", "schema", "scenario.schema.json"));
        assertThat(out.toString()).isEqualTo(shipped);
        assertThat(err.toString()).isEmpty();
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("properties").has("archetypes")).isTrue();
    }
}
