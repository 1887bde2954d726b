package dev.mosaic.platform.database;

import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL keeps its files inside Mosaic's data directory ({@code MOSAIC_DATA_DIR}).
 * Operators and scripts rely on these names: {@code postgres/} holds PostgreSQL's own data,
 * {@code db-password} the password of its {@code postgres} user (one line, readable by the owner only), and
 * {@code mosaic.lock} is held by the running Mosaic.
 */
public record EmbeddedDatabaseFiles(Path dataDirectory) {

    public EmbeddedDatabaseFiles {
        // Absolute, so postgres is started with the same path whatever the working directory of a later start.
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public Path postgresData() {
        return dataDirectory.resolve("postgres");
    }

    public Path passwordFile() {
        return dataDirectory.resolve("db-password");
    }

    public Path lockFile() {
        return dataDirectory.resolve("mosaic.lock");
    }
}
