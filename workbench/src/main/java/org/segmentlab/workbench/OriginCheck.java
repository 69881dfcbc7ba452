package org.segmentlab.workbench;

import java.util.Locale;
import java.util.Set;

/**
 * The same-origin rule for requests that change state (every method but GET, HEAD and OPTIONS): a browser sends
 * {@code Origin} with such requests, and it must name this server exactly as the request's {@code Host} does
 * ({@code http://} + host + port). A foreign origin, and {@code Origin: null} (sandboxed frames, {@code file:}
 * pages, some redirects), are refused with 403.
 *
 * <p>A request without {@code Origin} is allowed: it comes from a non-browser client (curl, scripts, tests), which
 * could send any header it liked anyway, so refusing it protects nothing. Browsers that omit it (very old ones)
 * still cannot hurt: the run endpoints take only {@code application/json}, which a cross-site page cannot send
 * without a CORS preflight this server never grants, and the session cookie is {@code SameSite=Strict}, so a
 * cross-site request carries no session to act on.
 */
public final class OriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private OriginCheck() {
    }

    /** Whether a request with this method needs the check. */
    public static boolean changesState(String method) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a state-changing request with this {@code Origin} (null when absent) and {@code Host} may proceed.
     */
    public static boolean allows(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        if (hostHeader == null) {
            return false;
        }
        String prefix = "http://";
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (!o.startsWith(prefix)) {
            // "null", https:// (this server speaks plain HTTP), file://, chrome-extension://, ...
            return false;
        }
        return withPort(o.substring(prefix.length())).equals(withPort(hostHeader.trim().toLowerCase(Locale.ROOT)));
    }

    /** The reply to a refused request. */
    public static String refusal(String origin) {
        return "This SegmentLab workbench accepts changes only from its own page; the request came from '" + origin
                + "'. Open the workbench's address in the browser and use the page.";
    }

    /** {@code host[:port]} with HTTP's default port made explicit, so {@code a} and {@code a:80} compare equal. */
    private static String withPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon >= 0 && colon > authority.lastIndexOf(']') ? authority : authority + ":80";
    }
}
