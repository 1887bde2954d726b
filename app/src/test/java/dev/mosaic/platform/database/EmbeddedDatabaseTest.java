package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as the product runs it: only Mosaic gets in, every acknowledged commit survives a kill,
 * an older password-less data directory is upgraded without losing data, a crashed Mosaic's leftover server is
 * taken over, and a live Mosaic's directory is refused.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestLeftRunning() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor();
        }
        PostgresShutdown.stopIfRunning(new EmbeddedDatabaseFiles(dataDir).postgresData(), Duration.ofSeconds(60));
    }

    @Test
    void letsInOnlyClientsThatKnowTheGeneratedPasswordKeptOwnerOnly() throws Exception {
        EmbeddedDatabaseFiles files = new EmbeddedDatabaseFiles(dataDir);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            List<String> passwordFile = Files.readAllLines(files.passwordFile(), StandardCharsets.UTF_8);
            assertThat(passwordFile).hasSize(1).containsExactly(database.password());
            assertThat(database.password()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.passwordFile())))
                    .isEqualTo("rw-------");

            assertThat(queryOne(database.jdbcUrl(), database.password(), "select current_user")).isEqualTo("postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guessed").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void runsPostgresProgramsThatNoOtherLocalUserCanReplace() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Path program = Path.of(postmaster().orElseThrow().info().command().orElseThrow());
            UserPrincipal us = Files.getOwner(dataDir);
            List<Path> ownerOnlyAncestors = new ArrayList<>();
            for (Path directory = program.getParent(); directory != null; directory = directory.getParent()) {
                if (Files.getOwner(directory).equals(us)
                        && PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)).equals("rwx------")) {
                    ownerOnlyAncestors.add(directory);
                }
            }
            assertThat(ownerOnlyAncestors).as("a directory only Mosaic's user may enter holds " + program).isNotEmpty();
        }
    }

    @Test
    void keepsEveryAcknowledgedCommitWhenPostgresIsKilled() throws Exception {
        int acknowledged = 300;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table acknowledged (n int)");
                for (int n = 1; n <= acknowledged; n++) {
                    statement.execute("insert into acknowledged values (" + n + ")");
                }
            }
            // Right after the last acknowledgement: an asynchronous commit would still be in PostgreSQL's memory.
            ProcessHandle postmaster = postmaster().orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryOne(database.jdbcUrl(), database.password(), "select count(*) from acknowledged"))
                    .isEqualTo(Integer.toString(acknowledged));
        }
    }

    @Test
    void upgradesADataDirectoryThatTrustedEveryLocalClientAndKeepsItsData() throws Exception {
        EmbeddedDatabaseFiles files = new EmbeddedDatabaseFiles(dataDir);
        // The way Mosaic made its data directory before it had a password: the library's defaults, trust.
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(files.postgresData())
                .setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('from before the upgrade')");
        }
        assertThat(files.passwordFile()).doesNotExist();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryOne(database.jdbcUrl(), database.password(), "select value from kept"))
                    .isEqualTo("from before the upgrade");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.passwordFile())))
                    .isEqualTo("rw-------");
        }
        // And the next start of the upgraded directory is an ordinary one.
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryOne(database.jdbcUrl(), database.password(), "select value from kept"))
                    .isEqualTo("from before the upgrade");
        }
    }

    @Test
    void aStartAfterMosaicWasKilledTakesOverFromItsLeftoverServerWithTheData() throws Exception {
        Process first = startInChildJvm();
        String url = awaitReady(first);
        String password = Files.readString(new EmbeddedDatabaseFiles(dataDir).passwordFile()).strip();
        execute(url, password, "create table kept (value text)", "insert into kept values ('acknowledged')");

        first.destroyForcibly().waitFor();
        assertThat(postmaster()).as("kill -9 of Mosaic leaves its PostgreSQL running").hasValueSatisfying(
                process -> assertThat(process.isAlive()).isTrue());

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryOne(database.jdbcUrl(), database.password(), "select value from kept"))
                    .isEqualTo("acknowledged");
        }
    }

    @Test
    void refusesAtOnceToShareTheDataDirectoryWithALiveMosaic() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            String expected = "Another Mosaic (process " + ProcessHandle.current().pid() + ") is running with the data"
                    + " directory " + dataDir.toAbsolutePath();
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(expected)
                    .hasMessageContaining("MOSAIC_DATA_DIR");

            // Another process is refused too: the refusal above left the first one's claim in place.
            Process second = startInChildJvm();
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second Mosaic gives up by itself").isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(Files.readString(childLog())).contains(expected).doesNotContain("READY");

            assertThat(queryOne(first.jdbcUrl(), first.password(), "select 'the first still serves'"))
                    .isEqualTo("the first still serves");
        }
    }

    private Path childLog() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-child.log");
    }

    private Process startInChildJvm() throws IOException {
        Path log = childLog();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(child);
        return child;
    }

    private String awaitReady(Process child) {
        Path log = childLog();
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            if (!child.isAlive()) {
                throw new AssertionError("The child Mosaic ended: " + Files.readString(log));
            }
            return Files.readAllLines(log).stream().filter(line -> line.startsWith("READY ")).findFirst()
                    .map(line -> line.substring("READY ".length()));
        }, Optional::isPresent).orElseThrow();
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = new EmbeddedDatabaseFiles(dataDir).postgresData().resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(pid);
    }

    private static String queryOne(String url, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String url, String password, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
