package org.segmentlab.workbench;

/**
 * How a workbench server runs: where it listens, the largest population a run may have, how many runs may go at
 * once, and the version written into report bundles.
 *
 * @param host             the address to bind (127.0.0.1 keeps the page on this machine)
 * @param port             the port, or 0 for any free one
 * @param maxCustomers     the largest {@code market.initialCustomers} a run may ask for
 * @param workers          runs simulated at once (the rest wait their turn)
 * @param engineThreads    threads each run's engine uses
 * @param previewCustomers the sample a larger scenario's preview runs on (the page re-runs on every change: a
 *                         scenario this small at once, a larger one first as a preview on this many customers)
 * @param version          the SegmentLab version, written into the bundle's summary.json
 */
public record WorkbenchSettings(String host, int port, int maxCustomers, int workers, int engineThreads,
        int previewCustomers, String version) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final int DEFAULT_MAX_CUSTOMERS = 200_000;
    public static final int DEFAULT_PREVIEW_CUSTOMERS = 5_000;

    public WorkbenchSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host is required, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any) to 65535, got " + port);
        }
        if (maxCustomers < 1) {
            throw new IllegalArgumentException("max customers must be >= 1, got " + maxCustomers);
        }
        if (previewCustomers < 1) {
            throw new IllegalArgumentException("preview customers must be >= 1, got " + previewCustomers);
        }
        if (workers < 1 || engineThreads < 1) {
            throw new IllegalArgumentException("workers and engine threads must be >= 1");
        }
        if (version == null) {
            version = "unknown";
        }
    }

    /** The defaults of {@code segmentlab serve}: this machine only, port 7070, two runs at once, all processors each. */
    public static WorkbenchSettings defaults(String version) {
        return new WorkbenchSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_CUSTOMERS, 2,
                Runtime.getRuntime().availableProcessors(), DEFAULT_PREVIEW_CUSTOMERS, version);
    }

    public WorkbenchSettings withAddress(String newHost, int newPort) {
        return new WorkbenchSettings(newHost, newPort, maxCustomers, workers, engineThreads, previewCustomers, version);
    }

    public WorkbenchSettings withMaxCustomers(int newMax) {
        return new WorkbenchSettings(host, port, newMax, workers, engineThreads, previewCustomers, version);
    }
}
