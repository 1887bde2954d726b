package dev.mosaic.bench.harness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL the app under test writes to, and the bench's own way into it (for baselines such as a raw
 * COPY into the same database). Either the app's embedded server (the product default) or a fresh database
 * the bench creates on an external server and drops at the end.
 */
public interface BenchDatabase extends AutoCloseable {

    /** {@code embedded} or {@code external}. */
    String mode();

    /** What to tell the app ({@code MOSAIC_DB_*}); empty for the embedded default. */
    Map<String, String> appEnvironment();

    /** A connection to the database the app uses, once the app is up. */
    Connection connect(MosaicApp app) throws SQLException;

    /** Where the data goes, for the summary; never a password. */
    String describe(MosaicApp app);

    static BenchDatabase embedded() {
        return new EmbeddedPostgresAccess();
    }

    /** Creates a fresh database on the server of {@code url} (a database the user may connect to). */
    static BenchDatabase external(String url, String user, String password) throws SQLException {
        return ExternalDatabase.create(url, user, password);
    }

    @Override
    void close() throws SQLException;
}
