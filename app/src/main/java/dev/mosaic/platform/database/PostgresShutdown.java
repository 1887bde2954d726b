package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops whatever PostgreSQL still runs in a data directory, and waits until it has. The embedded PostgreSQL runs
 * as its own daemon, so when Mosaic dies without shutting it down ({@code kill -9}, an OOM kill) it keeps running
 * and keeps its data directory. Only ever called while holding the {@link DataDirectoryLock}: no other live Mosaic
 * owns the directory then, so a server still running in it is a leftover. It is stopped the way PostgreSQL
 * documents a fast clean shutdown (SIGINT: roll back open transactions, checkpoint, exit), which keeps every
 * committed transaction.
 */
final class PostgresShutdown {

    private static final Logger log = LoggerFactory.getLogger(PostgresShutdown.class);

    private PostgresShutdown() {
    }

    static void stopIfRunning(Path postgresData, Duration timeout) {
        Path pidFile = postgresData.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself replaces the pid file of a server that is gone.
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new IllegalStateException("The data directory " + postgresData + " names process " + pid.get()
                    + " as its PostgreSQL server, and that process is running but cannot be inspected. If it is a"
                    + " PostgreSQL, stop it (kill -INT " + pid.get() + "); if not, delete " + pidFile
                    + ". Then start Mosaic again.");
        }
        if (!isPostgres(command.get())) {
            // After a reboot the pid may belong to an unrelated program; the file is stale and would make
            // PostgreSQL refuse to start.
            log.warn("Removing the stale {}: its process {} is {}, not PostgreSQL", pidFile, pid.get(), command.get());
            deleteStalePidFile(pidFile);
            return;
        }
        log.warn("Stopping the PostgreSQL (process {}) still running in {}; a Mosaic that ended without stopping it"
                + " left it there", pid.get(), postgresData);
        requestFastShutdown(process.get());
        awaitExit(process.get(), postgresData, timeout);
        log.info("Stopped the PostgreSQL (process {}); its committed data is kept", pid.get());
    }

    /** Whether the server named by the data directory's pid file is a live process. */
    static boolean running(Path postgresData) {
        return postmasterPid(postgresData.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (java.nio.file.NoSuchFileException stoppedCleanly) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile + " to check for a PostgreSQL left running", e);
        } catch (NumberFormatException garbled) {
            // A pid file cut short by a crash: PostgreSQL replaces it.
            return Optional.empty();
        }
    }

    private static boolean isPostgres(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postgres.exe");
    }

    private static void requestFastShutdown(ProcessHandle postmaster) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            postmaster.destroy();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0 && postmaster.isAlive()) {
                throw new IllegalStateException("Could not signal the leftover PostgreSQL (process " + postmaster.pid()
                        + "): " + output + ". Stop it yourself (kill -INT " + postmaster.pid() + ") and start Mosaic again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run kill to stop the leftover PostgreSQL (process "
                    + postmaster.pid() + "). Stop it yourself (kill -INT " + postmaster.pid() + ") and start Mosaic again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", e);
        }
    }

    private static void awaitExit(ProcessHandle postmaster, Path postgresData, Duration timeout) {
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (process " + postmaster.pid() + ") left running in "
                    + postgresData + " did not stop within " + timeout.toSeconds() + " s. Stop it (kill -INT "
                    + postmaster.pid() + ") and start Mosaic again.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the leftover PostgreSQL (process " + postmaster.pid()
                    + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", e);
        }
    }

    private static void deleteStalePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the stale " + pidFile + ". Delete it and start Mosaic again.", e);
        }
    }
}
