package org.segmentlab.workbench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body before the routes see it, asynchronously: while a client is slow to send, no thread
 * waits for it (the routes read bodies with blocking calls, and a few hundred slow clients would otherwise hold
 * every thread and starve the page). A body over the size limit is answered 413: read to its end and dropped when it
 * is at most {@link #DRAIN_FACTOR} times the limit (so the client, still sending, sees the answer rather than a
 * reset connection), refused at once when larger. A body not complete within the deadline, or stalled past the
 * idle timeout, is answered 408 and the connection closed.
 */
final class WholeBodyHandler extends Handler.Wrapper {

    /** Bodies up to this many times the limit are read and dropped before the 413, larger ones are cut off. */
    static final int DRAIN_FACTOR = 16;

    private final int maxBytes;
    private final Duration deadline;

    WholeBodyHandler(int maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (length == 0 || length < 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > (long) maxBytes * DRAIN_FACTOR) {
            PlainReply.send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), true);
            return true;
        }
        new BodyLoad(request, response, callback, length > 0 ? (int) length : 8192).start();
        return true;
    }

    private String tooLarge() {
        return "The request body is larger than " + maxBytes / 1024 + " KiB; a scenario is a few KiB.";
    }

    /** One body being gathered; runs on Jetty's demand callbacks, never blocking. */
    private final class BodyLoad implements Invocable.Task {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        /** Set once by whichever comes first: the last byte, a failure, the size limit or the deadline. */
        private final AtomicBoolean decided = new AtomicBoolean();
        /** Bytes read so far, kept or dropped. */
        private long received;
        private boolean tooLarge;
        private volatile Scheduler.Task timer;

        BodyLoad(Request request, Response response, Callback callback, int expected) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new ByteArrayOutputStream(Math.min(expected, maxBytes));
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean last = chunk.isLast();
                received += bytes.remaining();
                tooLarge |= received > maxBytes;
                if (tooLarge) {
                    // Drop what was kept; go on reading (and dropping) so the 413 reaches a client still sending.
                    chunk.release();
                    body.reset();
                    boolean cutOff = received > (long) maxBytes * DRAIN_FACTOR;
                    if ((last || cutOff) && decide()) {
                        PlainReply.send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), cutOff);
                    }
                    if (last || cutOff) {
                        return;
                    }
                    continue;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                chunk.release();
                if (last) {
                    if (decide()) {
                        // The routes block (they read the body as a stream, run validation): give them a pool thread.
                        request.getContext().execute(this::handleNext);
                    }
                    return;
                }
            }
        }

        private void handleNext() {
            Request whole = new BufferedRequest(request, body.toByteArray());
            try {
                if (!WholeBodyHandler.super.handle(whole, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }

        private void fail(Throwable failure) {
            if (!decide()) {
                return;
            }
            if (failure instanceof TimeoutException) {
                PlainReply.send(response, callback, HttpStatus.REQUEST_TIMEOUT_408, "The request body stopped arriving; send it again.", true);
            } else {
                callback.failed(failure);
            }
        }

        private void expire() {
            if (decide()) {
                PlainReply.send(response, callback, HttpStatus.REQUEST_TIMEOUT_408, "The request body did not arrive within "
                        + deadline.toSeconds() + " s; send it again.", true);
            }
        }

        private boolean decide() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            if (timer != null) {
                timer.cancel();
            }
            return true;
        }
    }

    /** The request as the routes see it: the same headers, with the body already in memory. */
    private static final class BufferedRequest extends Request.Wrapper {

        private Content.Chunk body;

        BufferedRequest(Request wrapped, byte[] bytes) {
            super(wrapped);
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk next = body;
            body = Content.Chunk.EOF;
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            // Everything is in memory: whatever is asked for can be read now.
            demandCallback.run();
        }
    }
}
