package org.segmentlab.workbench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets: a {@code Host} not on the {@link HostAllowlist}, or a state-changing
 * request from a foreign {@link OriginCheck origin}, is answered 403 before its body is read or a route runs.
 */
final class RequestGuard extends Handler.Wrapper {

    private final HostAllowlist hosts;

    RequestGuard(HostAllowlist hosts) {
        this.hosts = hosts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        // The request line may carry its own authority (http://name/path); it must pass as well.
        String uriHost = request.getHttpURI().getHost();
        if (!hosts.allows(host) || uriHost != null && !hosts.allows(bracketed(uriHost))) {
            PlainReply.send(response, callback, HttpStatus.FORBIDDEN_403, hosts.refusal(host == null ? "" : host), true);
            return true;
        }
        if (OriginCheck.changesState(request.getMethod())) {
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (!OriginCheck.allows(origin, host)) {
                PlainReply.send(response, callback, HttpStatus.FORBIDDEN_403, OriginCheck.refusal(origin), true);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    /** Jetty gives an IPv6 URI host with or without brackets depending on version; the allowlist keeps them. */
    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
