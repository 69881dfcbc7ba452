package org.segmentlab.workbench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A short plain-text answer written by the server's own guards, before the request reaches a route. */
final class PlainReply {

    private PlainReply() {
    }

    /**
     * Writes {@code status} with {@code text}; {@code close} ends the connection afterwards (used when the
     * request's body was not read to its end, so the connection cannot carry another request).
     */
    static void send(Response response, Callback callback, int status, String text, boolean close) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        Content.Sink.write(response, true, text + "\n", callback);
    }
}
