package dev.mosaic.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets an object's next records be read and parsed while the last chunk is written: one writer thread takes the
 * chunk writes in the order they were handed over (so cursors commit in order), with at most
 * {@value #IN_FLIGHT} waiting, which bounds memory. A write that fails stops the rest, and its failure is thrown to
 * the reader at its next hand-over or at {@link #finish()}.
 */
final class ChunkPipeline implements AutoCloseable {

    static final int IN_FLIGHT = 2;

    private final ExecutorService writer;
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;

    ChunkPipeline(String name) {
        writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hands a write over; waits while {@value #IN_FLIGHT} are pending. */
    void submit(Runnable write) {
        rethrow();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing a chunk to its writer", e);
        }
        writer.execute(() -> {
            try {
                if (failure == null) {
                    write.run();
                }
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException(e);
                throw e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits for every write handed over, and throws the first failure. */
    void finish() {
        try {
            room.acquire(IN_FLIGHT);
            room.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for chunk writes", e);
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Waits for the writes in progress (a write is never cut half-way), then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
