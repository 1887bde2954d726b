package dev.mosaic.bench.harness;

import dev.mosaic.bench.BenchFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The app's own embedded PostgreSQL, found the way its data directory describes it: the port is line 4 of
 * {@code postgres/postmaster.pid}; the password of user {@code postgres} is in {@code db-password} when the
 * app keeps one there (without that file the server trusts local connections).
 */
final class EmbeddedPostgresAccess implements BenchDatabase {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public Map<String, String> appEnvironment() {
        return Map.of();
    }

    @Override
    public Connection connect(MosaicApp app) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        password(app.dataDirectory()).ifPresent(password -> properties.setProperty("password", password));
        return DriverManager.getConnection(url(app), properties);
    }

    @Override
    public String describe(MosaicApp app) {
        return "the app's embedded PostgreSQL (" + url(app) + ")";
    }

    private static String url(MosaicApp app) {
        return "jdbc:postgresql://127.0.0.1:" + port(app.dataDirectory()) + "/" + DATABASE;
    }

    static int port(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return Integer.parseInt(lines.get(3).trim());
        } catch (IOException | RuntimeException e) {
            throw new BenchFailure("Could not read the embedded PostgreSQL's port from line 4 of " + pidFile + " ("
                    + e + "). Is the app running with its embedded database?", e);
        }
    }

    static java.util.Optional<String> password(Path dataDirectory) {
        Path file = dataDirectory.resolve("db-password");
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new BenchFailure("Could not read the embedded PostgreSQL's password file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The app owns its embedded server and stops it; MosaicApp stops one the app left behind.
    }
}
