package org.segmentlab.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http.HttpClient} will not send (a foreign
 * {@code Host}, an absolute request line) and for connections held half-sent.
 */
final class RawHttp {

    /** Long enough for a machine four times slower than this one under load. */
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** Sends {@code request} (with {@code Connection: close}) and returns the whole response. */
    static String exchange(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readAll(socket);
        }
    }

    /** A GET of {@code path} with this {@code Host} header. */
    static String get(int port, String path, String host) throws IOException {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** Reads until the server closes the connection. */
    static String readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** The status code of a response's first line, e.g. 403 from {@code HTTP/1.1 403 Forbidden}. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP/1.1 response: " + response);
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
