package org.segmentlab.workbench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each browser session's runs, so trainees working at once each see their own results. A session keeps its
 * latest run and the few before it (for their status); a new run cancels the session's unfinished one. The map is
 * bounded: the least recently used session is dropped (its run cancelled) when a new one would exceed the bound.
 */
final class Sessions {

    /** Runs remembered per session: the current one and a few cancelled or finished before it. */
    static final int RUNS_KEPT = 4;

    private final int maxSessions;
    private final Map<String, Deque<RunJob>> bySession;

    Sessions(int maxSessions) {
        this.maxSessions = maxSessions;
        this.bySession = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<RunJob>> eldest) {
                if (size() > Sessions.this.maxSessions) {
                    eldest.getValue().forEach(RunJob::cancel);
                    return true;
                }
                return false;
            }
        };
    }

    /** Makes {@code job} the session's current run, cancelling the one it replaces. */
    synchronized void start(String session, RunJob job) {
        Deque<RunJob> runs = bySession.computeIfAbsent(session, s -> new ArrayDeque<>());
        RunJob previous = runs.peekFirst();
        if (previous != null) {
            previous.cancel();
        }
        runs.addFirst(job);
        while (runs.size() > RUNS_KEPT) {
            runs.removeLast();
        }
    }

    /** The session's latest run. */
    synchronized Optional<RunJob> current(String session) {
        Deque<RunJob> runs = bySession.get(session);
        return runs == null ? Optional.empty() : Optional.ofNullable(runs.peekFirst());
    }

    /** One of the session's remembered runs, or their previews, by id; another session's run is never found. */
    synchronized Optional<RunJob> run(String session, String runId) {
        Deque<RunJob> runs = bySession.get(session);
        if (runs == null) {
            return Optional.empty();
        }
        return runs.stream()
                .flatMap(r -> r.preview() == null ? java.util.stream.Stream.of(r) : java.util.stream.Stream.of(r, r.preview()))
                .filter(r -> r.id().equals(runId)).findFirst();
    }

    /** The session's latest finished run (its outcome is there): the one the next run is compared with. */
    synchronized Optional<RunJob> lastDone(String session) {
        Deque<RunJob> runs = bySession.get(session);
        return runs == null ? Optional.empty() : runs.stream().filter(r -> r.outcome() != null).findFirst();
    }

    /** Cancels the session's current run, if any. */
    synchronized void cancel(String session) {
        current(session).ifPresent(RunJob::cancel);
    }

    synchronized int size() {
        return bySession.size();
    }

    synchronized void cancelAll() {
        bySession.values().forEach(runs -> runs.forEach(RunJob::cancel));
    }
}
