package dev.mosaic.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A PostgreSQL database that outlives the apps a test starts on it, so one app can stop (or die) and the
 * next find what it left: a fresh database on the local server when one answers, else an embedded
 * PostgreSQL of the test's own.
 */
public final class TestPostgres implements AutoCloseable {

    private final String url;
    private final String user;
    private final EmbeddedPostgres embedded;

    private TestPostgres(String url, String user, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.embedded = embedded;
    }

    public static TestPostgres create() {
        Optional<String> external = TestDatabases.freshExternalDatabase();
        if (external.isPresent()) {
            return new TestPostgres(external.get(), TestDatabases.user(), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that point an app at this database. */
    public String[] appArguments() {
        return new String[] {"--mosaic.db.url=" + url, "--mosaic.db.user=" + user};
    }

    /** The same database reached through another local port (a {@link CuttableLink}); closing it closes nothing. */
    public TestPostgres through(int port) {
        return new TestPostgres(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"), user, null);
    }

    /** The host and port the database listens on. */
    public java.net.InetSocketAddress address() {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        return java.net.InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
