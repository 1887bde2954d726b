package dev.mosaic.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mosaic's own PostgreSQL 17, kept in the data directory ({@link EmbeddedDatabaseFiles}) so a restart finds its
 * data again. It keeps every commit it acknowledged (fsync, synchronous commit and full-page writes on, whatever
 * the library's test-friendly defaults), lets in only clients that know the generated password, and refuses a
 * second Mosaic on the same directory while taking over from one that died. Should it die under a running Mosaic
 * (killed, out of memory), it is started again on the same port within seconds, recovering from its write-ahead log,
 * and the connection pool finds it there. {@link #none()} stands for "an external database is configured".
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(60);
    // The library starts postgres with -F (fsync off) and synchronous_commit=off; these come later on its command
    // line and win. A lost fsync loses acknowledged commits in a power cut or an OS crash.
    private static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private static final long MB = 1024 * 1024;

    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private volatile EmbeddedPostgres postgres;
    private final EmbeddedDatabaseFiles files;
    private final DatabasePassword password;
    private final DataDirectoryLock lock;
    private final ScheduledExecutorService watchdog;
    private volatile boolean closing;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseFiles files, DatabasePassword password,
                             DataDirectoryLock lock) {
        this.postgres = postgres;
        this.files = files;
        this.password = password;
        this.lock = lock;
        this.watchdog = postgres == null ? null : startWatchdog();
    }

    private ScheduledExecutorService startWatchdog() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::startAgainIfDead, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return timer;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null, null, null, null);
    }

    /**
     * Starts the embedded PostgreSQL of the Mosaic data directory {@code dataDirectory} (its data in
     * {@code postgres/} there), first stopping one that a dead Mosaic left running.
     *
     * @throws DataDirectoryInUseException at once when a live Mosaic uses the directory
     */
    static EmbeddedDatabase start(Path dataDirectory) {
        EmbeddedDatabaseFiles files = new EmbeddedDatabaseFiles(dataDirectory);
        createDirectories(files.postgresData());
        DataDirectoryLock lock = DataDirectoryLock.acquire(files.lockFile(), files.dataDirectory());
        try {
            PostgresShutdown.stopIfRunning(files.postgresData(), LEFTOVER_STOP_WAIT);
            DatabasePassword password = password(files);
            log.info("Starting embedded PostgreSQL with data in {}", files.postgresData());
            EmbeddedPostgres postgres = startServer(files, password);
            if (!ClientAuthentication.isPasswordOnly(files.postgresData())) {
                postgres = requirePassword(postgres, files, password);
            }
            log.info("Embedded PostgreSQL ready on localhost:{}, user {}, password in {}", postgres.getPort(), USER,
                    files.passwordFile());
            return new EmbeddedDatabase(postgres, files, password, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static DatabasePassword password(EmbeddedDatabaseFiles files) {
        if (DatabasePassword.exists(files.passwordFile())) {
            return DatabasePassword.read(files.passwordFile());
        }
        boolean initialized = Files.exists(files.postgresData().resolve("postgresql.conf"));
        if (initialized && !ClientAuthentication.trustsSomeClient(files.postgresData())) {
            throw new IllegalStateException("The embedded PostgreSQL in " + files.postgresData() + " requires the password"
                    + " kept in " + files.passwordFile() + ", and that file is missing. Restore it from a backup of the"
                    + " data directory, then start Mosaic again.");
        }
        return DatabasePassword.create(files.passwordFile());
    }

    /**
     * PostgreSQL's defaults are sized for a machine of twenty years ago: 128 MB of buffers, a checkpoint every
     * gigabyte of WAL. At a million records the entities alone are over a gigabyte; a search that reads a few
     * thousand of them from the kernel's cache instead of PostgreSQL's took 200 ms instead of 10, and frequent
     * checkpoints make a bulk load write every touched index page to the WAL again. A quarter of the machine's
     * memory, as PostgreSQL's manual advises for a start (at least the default, at most 4 GB, so Mosaic stays a good
     * neighbour on a laptop; buffers take memory only as data fills them), and checkpoints every 4 GB of WAL or 15
     * minutes. With 1 GB, the million-record database (2.7 GB) was read in large part through the kernel's cache:
     * each page copied in again, hundreds per 360 page or timeline.
     */
    static Map<String, String> sizedToMachine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long buffers = Math.max(128 * MB, Math.min(4096 * MB, memory / 4));
        return Map.of(
                "shared_buffers", buffers / MB + "MB",
                "effective_cache_size", Math.max(buffers, memory / 2) / MB + "MB",
                "max_wal_size", "4GB",
                "checkpoint_timeout", "15min");
    }

    /**
     * The watchdog's turn: a server whose process is gone is started again on its port. Its orphaned backends may hold
     * its shared memory for a moment after it died, so a start that fails is simply tried at the next turn.
     */
    private synchronized void startAgainIfDead() {
        try {
            if (closing || PostgresShutdown.running(files.postgresData())) {
                return;
            }
            int port = postgres.getPort();
            log.warn("The embedded PostgreSQL in {} stopped without being asked to; starting it again on port {}",
                    files.postgresData(), port);
            // The dead server's handle still holds the library's lock on the data directory: let go of it first.
            close(postgres, files.postgresData());
            postgres = startServer(files, password, port);
            log.info("The embedded PostgreSQL is running again on port {}, with everything it had committed", port);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: this one must keep watching.
            log.warn("Could not start the embedded PostgreSQL again yet ({}); trying again in {} s", e.getMessage(),
                    WATCH_EVERY.toSeconds());
        }
    }

    private static EmbeddedPostgres startServer(EmbeddedDatabaseFiles files, DatabasePassword password) {
        return startServer(files, password, 0);
    }

    /** @param port the port to listen on; 0 for any free one */
    private static EmbeddedPostgres startServer(EmbeddedDatabaseFiles files, DatabasePassword password, int port) {
        Path data = files.postgresData();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // Spring stops it after the connection pool; the library's own hook would race the pool's last work.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // The library hands these to initdb as --name=value after its own "-A trust": a new cluster gets
                // the password from the file and never trusts anyone, not even while it is created.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", files.passwordFile().toString())
                .setConnectConfig("password", password.value())
                .setDataDirectoryCustomizer(directory -> {
                    // Runs before every start. A cluster from an older Mosaic still trusts local clients until it
                    // knows the password (see requirePassword); any other gets exactly Mosaic's rules.
                    if (!ClientAuthentication.trustsSomeClient(data)) {
                        ClientAuthentication.requirePassword(data);
                    }
                });
        if (port > 0) {
            builder.setPort(port);
        }
        DURABLE.forEach(builder::setServerConfig);
        sizedToMachine().forEach(builder::setServerConfig);
        PostgresPrograms.unpackDirectory().ifPresent(directory -> builder.setOverrideWorkingDirectory(directory.toFile()));
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data + ": " + e.getMessage()
                    + ". If " + files.passwordFile() + " was replaced, put back the one this database was created"
                    + " with. Or set MOSAIC_DB_URL to use an external PostgreSQL.", e);
        }
    }

    /**
     * Upgrades a data directory made by a Mosaic that trusted every local client: sets the password while the old
     * rules still let Mosaic in, then restarts under the new rules. A crash halfway is repeated on the next start,
     * since the password file is written before and the rules after.
     */
    private static EmbeddedPostgres requirePassword(EmbeddedPostgres postgres, EmbeddedDatabaseFiles files,
                                                    DatabasePassword password) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(USER, DATABASE), USER, password.value())) {
            // Sends the SCRAM verifier computed here, never the password itself.
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.value().toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            close(postgres, files.postgresData());
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in "
                    + files.postgresData() + ": " + e.getMessage(), e);
        }
        ClientAuthentication.requirePassword(files.postgresData());
        close(postgres, files.postgresData());
        log.info("The embedded PostgreSQL now requires the password kept in {}", files.passwordFile());
        return startServer(files, password);
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory + " for the embedded PostgreSQL. Set "
                    + "MOSAIC_DATA_DIR to a directory Mosaic may write to.", e);
        }
    }

    private static void close(EmbeddedPostgres postgres, Path data) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
        // The library gives up waiting after 5 s, while a checkpoint of much unwritten data may take longer; the
        // directory is only free for the next server once this one has exited.
        PostgresShutdown.stopIfRunning(data, LEFTOVER_STOP_WAIT);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    String password() {
        return password.value();
    }

    @Override
    public void close() {
        closing = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
            try {
                watchdog.awaitTermination(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            // After any start the watchdog had under way, so nothing it started outlives the lock.
            synchronized (this) {
                if (postgres != null) {
                    close(postgres, files.postgresData());
                }
            }
        } finally {
            if (lock != null) {
                // Only after PostgreSQL has stopped: the next Mosaic may start its own at once.
                lock.close();
            }
        }
    }

    @Override
    public String toString() {
        return postgres == null ? "EmbeddedDatabase[none]" : "EmbeddedDatabase[port=" + postgres.getPort() + "]";
    }
}
