package dev.mosaic.bench.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes what a scenario started (child processes, databases, temporary directories), newest first, exactly
 * once: when the scenario closes it, or from a shutdown hook when the bench is stopped with Ctrl-C, so a
 * stopped run leaves no app, no PostgreSQL and no data directory behind.
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<Step> steps = new ArrayDeque<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook = new Thread(this::runSteps, "bench-cleanup");

    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers {@code resource} to be closed at the end; returns it. */
    public synchronized <T extends AutoCloseable> T register(String what, T resource) {
        steps.push(new Step(what, resource));
        return resource;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came first: the hook is running the same steps.
            return;
        }
        runSteps();
    }

    private void runSteps() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        while (true) {
            Step step;
            synchronized (this) {
                step = steps.poll();
            }
            if (step == null) {
                return;
            }
            try {
                step.resource.close();
            } catch (Exception e) {
                System.err.println("Could not clean up " + step.what + ": " + e.getMessage());
            }
        }
    }

    private record Step(String what, AutoCloseable resource) {
    }
}
