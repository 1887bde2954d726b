package dev.mosaic.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Where tests keep their data. When a PostgreSQL answers at 127.0.0.1:5432 (CI, developers' machines),
 * each call makes a fresh, empty database there; on a bare machine there is none, and the app falls back
 * to its embedded PostgreSQL, exactly as a new user's first start does.
 */
public final class TestDatabases {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = System.getenv().getOrDefault("MOSAIC_TEST_DB_USER", "postgres");

    private TestDatabases() {
    }

    /** The JDBC URL of a new empty database, or empty when no local server answers. */
    public static Optional<String> freshExternalDatabase() {
        String name = "mosaic_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres?connectTimeout=2", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            return Optional.of(SERVER + name);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Test databases go when the test JVM ends, so a developer's server does not fill up with them. */
    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres?connectTimeout=2", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    public static String user() {
        return USER;
    }
}
