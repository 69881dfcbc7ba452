package org.segmentlab.workbench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names the workbench answers to, checked against every request's {@code Host} header (any port). It
 * defeats DNS rebinding: a hostile page whose name is made to resolve to this machine still sends its own name as
 * {@code Host}, which is not on the list, so the server answers 403 instead of running the page's requests.
 *
 * <p>Always allowed: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, the bound address itself, and the names
 * given with {@code --allow-host}. Bound to an address other people can reach (e.g. {@code --host 0.0.0.0} for a
 * classroom) any IP literal is allowed as well, so trainees can type the machine's address: rebinding needs a
 * name the attacker controls, and an IP literal cannot be rebound.
 */
public final class HostAllowlist {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
    /** A DNS name (letters, digits, hyphens, dots) or an IPv4 address. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]*:[0-9a-f:.]*\\]");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final Set<String> names;
    private final boolean anyIpLiteral;

    private HostAllowlist(Set<String> names, boolean anyIpLiteral) {
        this.names = Set.copyOf(names);
        this.anyIpLiteral = anyIpLiteral;
    }

    /**
     * The list for a server bound to {@code boundHost}, plus {@code extraNames} (host names or IP addresses, no
     * port).
     *
     * @throws IllegalArgumentException naming the first extra name that is not a host name or address
     */
    public static HostAllowlist of(String boundHost, List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
        String bound = bracketed(boundHost.trim().toLowerCase(Locale.ROOT));
        if (!WILDCARDS.contains(bound)) {
            names.add(bound);
        }
        for (String extra : extraNames) {
            String name = bracketed(extra.trim().toLowerCase(Locale.ROOT));
            if (!NAME.matcher(name).matches() && !IPV6.matcher(name).matches()) {
                throw new IllegalArgumentException("--allow-host '" + extra + "' is not a host name or IP address"
                        + " (letters, digits, '-' and '.', e.g. trainer-laptop.local or 192.168.1.20; no port)");
            }
            names.add(name);
        }
        return new HostAllowlist(names, !isLoopback(bound));
    }

    /** Whether a request with this {@code Host} header value (name, optional {@code :port}) is answered. */
    public boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            if (!PORT.matcher(host.substring(colon + 1)).matches()) {
                return false;
            }
            host = host.substring(0, colon);
        }
        return names.contains(host)
                || anyIpLiteral && (IPV4.matcher(host).matches() || IPV6.matcher(host).matches());
    }

    /** What a refused client is told: which names this server answers to and how to add one. */
    public String refusal(String hostHeader) {
        return "This SegmentLab workbench does not answer to the host name '" + hostHeader + "'. It answers to "
                + String.join(", ", names) + (anyIpLiteral ? " and any IP address" : "")
                + "; start it with --allow-host NAME to add a name.";
    }

    /** Whether the server listens on a loopback address only (no one else can reach it). */
    public boolean loopbackOnly() {
        return !anyIpLiteral;
    }

    /** The names allowed by name (for messages and docs). */
    public Set<String> names() {
        return names;
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Loopback by its spelling only: no name is looked up (a lookup is what rebinding attacks). */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || IPV4.matcher(host).matches() && host.startsWith("127.");
    }
}
