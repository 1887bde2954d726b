package dev.mosaic.bench.harness;

import dev.mosaic.bench.UsageException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh database {@code mosaic_bench_<random>} on an external PostgreSQL, created through the database the
 * given URL names and dropped (with any session still in it) on close.
 */
final class ExternalDatabase implements BenchDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String adminUrl;
    private final String benchUrl;
    private final String database;
    private final String user;
    private final String password;

    private ExternalDatabase(String adminUrl, String benchUrl, String database, String user, String password) {
        this.adminUrl = adminUrl;
        this.benchUrl = benchUrl;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static ExternalDatabase create(String url, String user, String password) throws SQLException {
        Matcher parts = JDBC_URL.matcher(url);
        if (!parts.matches()) {
            throw new UsageException("--db-url must look like jdbc:postgresql://127.0.0.1:5432/postgres, not '"
                    + url.replaceAll("\\?.*", "?…") + "'");
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String database = "mosaic_bench_" + HexFormat.of().formatHex(random);
        String benchUrl = parts.group(1) + database + (parts.group(3) == null ? "" : parts.group(3));
        ExternalDatabase created = new ExternalDatabase(url, benchUrl, database, user, password);
        try (Connection admin = created.open(url); Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        return created;
    }

    @Override
    public String mode() {
        return "external";
    }

    @Override
    public Map<String, String> appEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MOSAIC_DB_URL", benchUrl);
        if (user != null) {
            environment.put("MOSAIC_DB_USER", user);
        }
        if (password != null) {
            environment.put("MOSAIC_DB_PASSWORD", password);
        }
        return environment;
    }

    @Override
    public Connection connect(MosaicApp app) throws SQLException {
        return open(benchUrl);
    }

    @Override
    public String describe(MosaicApp app) {
        return "database " + database + " on " + benchUrl.replaceAll("\\?.*", "?…");
    }

    private Connection open(String url) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws SQLException {
        if (Boolean.getBoolean("mosaic.bench.keepDatabase")) {
            System.out.println("Kept database " + database + " for inspection (-Dmosaic.bench.keepDatabase=true)");
            return;
        }
        try (Connection admin = open(adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Override
    public String toString() {
        return "ExternalDatabase[" + database + "]";
    }
}
