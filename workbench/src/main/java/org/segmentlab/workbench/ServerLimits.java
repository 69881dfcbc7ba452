package org.segmentlab.workbench;

import java.time.Duration;

/**
 * How long the workbench waits for a client and how many clients it holds at once, so slow or silent connections
 * (slowloris) cannot starve the page. Request bodies are read without holding a thread ({@link WholeBodyHandler}),
 * so a slow body costs one connection slot, never a worker thread.
 *
 * @param idleTimeout    a connection with no bytes in either direction for this long is closed (a request that
 *                       stops sending mid-body gets 408 first); also closes idle keep-alive connections
 * @param bodyDeadline   a request's whole body must have arrived within this time after its headers, or 408: a
 *                       client that trickles a byte now and then cannot keep resetting the idle timeout forever
 * @param maxConnections connections held open at once; beyond it the server stops accepting (new connections wait
 *                       in the operating system's queue, and one that races the moment the cap is reached may be
 *                       closed at once; browsers retry) until one closes
 */
public record ServerLimits(Duration idleTimeout, Duration bodyDeadline, int maxConnections) {

    /**
     * The limits of {@code segmentlab serve}. Idle 5 s: a browser sends a request's headers and its few-KiB body in
     * milliseconds, and reconnects by itself when a kept-alive connection was closed. Body 10 s: the largest body
     * (256 KiB) needs only 26 KB/s for that. 500 connections: a classroom of 40 browsers opens at most 6 each (240),
     * with room for twice that; each costs a socket and at most the body limit in memory, never a thread.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 500);

    public ServerLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got idle " + idleTimeout + " and body " + bodyDeadline);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be >= 1, got " + maxConnections);
        }
    }
}
