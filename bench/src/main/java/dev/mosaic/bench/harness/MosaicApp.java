package dev.mosaic.bench.harness;

import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Mosaic under test, as a child process: {@code java -Xmx… -jar mosaic.jar} with its own port, a fresh data
 * directory and an admin token the bench chose (tenant {@code default}, so also the operator who may read
 * {@code /actuator/prometheus}). Closing it stops the app, and the embedded PostgreSQL if the app could not.
 */
public final class MosaicApp implements AutoCloseable {

    /**
     * How to start the app. {@code environment} adds to (and wins over) what the bench sets; every
     * {@code MOSAIC_*} variable of the bench's own environment is dropped, so the shell's settings never leak in.
     */
    public record Launch(Path jar, String maxHeap, Path workDirectory, Map<String, String> environment) {
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Launch launch;
    private final String token;
    private final String adminPassword;
    private final Process process;
    private final Path dataDirectory;
    private final Path log;
    private final MosaicHttp http;
    private volatile double startSeconds;

    private MosaicApp(Launch launch, String token, String adminPassword, Process process, Path dataDirectory, Path log,
                      MosaicHttp http) {
        this.launch = launch;
        this.token = token;
        this.adminPassword = adminPassword;
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.http = http;
    }

    /**
     * Starts the app and waits until {@code /actuator/health} answers UP. {@code onStart} is called with the
     * process before the wait, so the caller can register it for cleanup even when the start then fails.
     */
    public static MosaicApp start(Launch launch, PrintStream out, java.util.function.Consumer<AutoCloseable> onStart)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(launch.jar())) {
            throw new UsageException("There is no app jar at " + launch.jar().toAbsolutePath() + ". Build it from the "
                    + "repository root with `mvn -B -q -DskipTests package`, or pass --app-jar <path>.");
        }
        return start(launch, freePort(), "mosaic_default_bench" + randomHex(16), randomHex(16), out, onStart);
    }

    private static MosaicApp start(Launch launch, int port, String token, String password, PrintStream out,
                                   java.util.function.Consumer<AutoCloseable> onStart) throws IOException, InterruptedException {
        Path dataDirectory = launch.workDirectory().resolve("data");
        Path log = launch.workDirectory().resolve("app.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + launch.maxHeap(), "-XX:+ExitOnOutOfMemoryError", "-jar", launch.jar().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("MOSAIC_"));
        environment.put("MOSAIC_PORT", Integer.toString(port));
        environment.put("MOSAIC_DATA_DIR", dataDirectory.toString());
        environment.put("MOSAIC_ADMIN_TOKEN", token);
        environment.put("MOSAIC_ADMIN_PASSWORD", password);
        environment.putAll(launch.environment());
        out.printf("Starting %s (-Xmx%s) on port %d, data in %s%n", launch.jar(), launch.maxHeap(), port, dataDirectory);
        long started = System.nanoTime();
        Process process = builder.start();
        MosaicHttp http = new MosaicHttp(URI.create("http://127.0.0.1:" + port + "/"), token, Duration.ofMinutes(30));
        MosaicApp app = new MosaicApp(launch, token, password, process, dataDirectory, log, http);
        onStart.accept(app);
        app.awaitHealthy(started);
        app.startSeconds = (System.nanoTime() - started) / 1e9;
        out.printf("Mosaic is UP after %.1f s%n", app.startSeconds);
        return app;
    }

    /**
     * Kills the app with SIGKILL, as the OOM killer or a lost machine would: no shutdown hook runs, nothing is handed
     * back. With {@code postgresToo}, its embedded PostgreSQL (every process of it) dies the same way first.
     */
    public void kill(boolean postgresToo) throws InterruptedException {
        if (postgresToo) {
            embeddedPostgres().ifPresent(postmaster -> {
                // The postmaster first, so it cannot start new backends; then the ones it had.
                List<ProcessHandle> backends = postmaster.descendants().toList();
                postmaster.destroyForcibly();
                backends.forEach(ProcessHandle::destroyForcibly);
            });
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** The same app started again after it stopped: same data, port and token, its log appended to. */
    public MosaicApp restart(PrintStream out, java.util.function.Consumer<AutoCloseable> onStart)
            throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("The app is still running: " + this);
        }
        return start(launch, http.base().getPort(), token, adminPassword, out, onStart);
    }

    public MosaicHttp http() {
        return http;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The first admin's password ({@code admin@mosaic.local} of workspace {@code default}), to sign in to pages. */
    public String adminPassword() {
        return adminPassword;
    }

    public double startSeconds() {
        return startSeconds;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * {@code failure} as it should be reported: when the app has died, with its exit code and the end of its
     * log, since a dead app is the likelier cause than whatever the bench saw.
     */
    public RuntimeException explain(Exception failure) {
        if (process.isAlive()) {
            return failure instanceof RuntimeException runtime ? runtime : new BenchFailure(failure.toString(), failure);
        }
        return new BenchFailure(failure.getMessage() + "\nThe app exited with code " + process.exitValue()
                + (process.exitValue() == 3 ? " (out of memory: -XX:+ExitOnOutOfMemoryError)" : "")
                + ". The end of its log:\n" + logTail(40), failure);
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(the log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy(long startedNanos) throws InterruptedException {
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            // Waiting on the process is also the pause between polls: an app that dies ends the wait at once.
            if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                throw new BenchFailure("The app exited with code " + process.exitValue() + " before it was healthy. "
                        + "The end of its log:\n" + logTail(40));
            }
            try {
                MosaicHttp.Response health = http.getAnonymous("actuator/health");
                if (health.status() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
                lastAnswer = health.status() + " " + health.shortBody();
            } catch (ConnectException notListeningYet) {
                lastAnswer = "not listening yet";
            } catch (IOException e) {
                lastAnswer = e.toString();
            }
        }
        throw new BenchFailure("The app was not healthy after " + START_TIMEOUT.toMinutes() + " minutes (last answer: "
                + lastAnswer + "). The end of its log:\n" + logTail(40));
    }

    /** Stops the app as an operator would (SIGTERM, graceful), then by force; then a PostgreSQL it left running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        stopOrphanedPostgres();
    }

    /**
     * The embedded PostgreSQL runs detached from the app (pg_ctl starts it), so an app killed by force leaves
     * it holding the data directory. Its pid is the first line of postmaster.pid; it is stopped only when that
     * pid is a live postgres process, never some other process that reused the number.
     */
    private void stopOrphanedPostgres() throws InterruptedException {
        Optional<ProcessHandle> postgres = embeddedPostgres();
        if (postgres.isEmpty()) {
            return;
        }
        postgres.get().destroy();
        try {
            postgres.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            postgres.get().destroyForcibly();
        }
    }

    /** The live postmaster of the app's embedded PostgreSQL, if one runs. */
    private Optional<ProcessHandle> embeddedPostgres() {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "MosaicApp[pid=" + process.pid() + ", " + http.base() + "]";
    }
}
