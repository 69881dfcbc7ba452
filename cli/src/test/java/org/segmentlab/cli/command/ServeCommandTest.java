package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.SegmentLabCommand;

import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void printsTheAddressServesThePageAndStopsWhenInterrupted() throws Exception {
        CommandLine cmd = SegmentLabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cmd.execute("serve", "--port", "0", "--max-customers", "5000")));
        serving.start();
        Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        Matcher m = url.matcher("");
        for (int i = 0; i < 300 && !m.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(m.reset(out.toString()).find()).as("printed the address: " + out).isTrue();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(m.group())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SegmentLab");
        HttpResponse<String> limits = client.send(HttpRequest.newBuilder(URI.create(m.group() + "api/scenarios")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(limits.body()).contains("\"maxCustomers\":5000");

        serving.interrupt();
        serving.join(15_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aBadPortIsBadInput() {
        Run run = Run.of("serve", "--port", "70000");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--port: must be between 0 and 65535, got 70000");
    }

    @Test
    void aBadCapIsBadInput() {
        Run run = Run.of("serve", "--max-customers", "0");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--max-customers: must be between 1 and 2000000000, got 0");
    }
}
