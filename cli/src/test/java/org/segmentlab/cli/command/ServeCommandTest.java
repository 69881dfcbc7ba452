package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
        // The server prints its address once it listens: Jetty and the shipped scenarios load first, which took over
        // 60 s in a cold JVM on the 2-core box at load average 30; three minutes leave room for worse.
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!m.reset(out.toString()).find() && serving.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(m.reset(out.toString()).find()).as("printed the address: " + out + err).isTrue();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(m.group())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SegmentLab");
        HttpResponse<String> limits = client.send(HttpRequest.newBuilder(URI.create(m.group() + "api/scenarios")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(limits.body()).contains("\"maxCustomers\":5000");

        serving.interrupt();
        serving.join(Duration.ofSeconds(60).toMillis());
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anAllowedHostIsServedAndAForeignOneRefused() throws Exception {
        CommandLine cmd = SegmentLabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        Thread serving = new Thread(() -> cmd.execute("serve", "--port", "0", "--allow-host", "trainer-laptop.local,lab.example"));
        serving.start();
        try {
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher("");
            long end = System.nanoTime() + 60_000_000_000L;
            while (!m.reset(out.toString()).find()) {
                assertThat(System.nanoTime()).as("printed the address: " + out).isLessThan(end);
                Thread.sleep(10); // polling the condition, not waiting a fixed time
            }
            int port = Integer.parseInt(m.group(1));
            assertThat(statusFor(port, "trainer-laptop.local:" + port)).isEqualTo(200);
            assertThat(statusFor(port, "lab.example")).isEqualTo(200);
            assertThat(statusFor(port, "evil.example:" + port)).isEqualTo(403);
        } finally {
            serving.interrupt();
            serving.join(60_000);
        }
        assertThat(serving.isAlive()).isFalse();
    }

    /** The status of a GET of the page with this Host header (HttpClient will not set Host, a socket will). */
    private static int statusFor(int port, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }

    @Test
    void aHostNameWithAPortOrSpacesIsBadInput() {
        Run run = Run.of("serve", "--port", "0", "--allow-host", "evil.example:80");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--allow-host 'evil.example:80'").contains("no port").doesNotContain("Exception");
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
