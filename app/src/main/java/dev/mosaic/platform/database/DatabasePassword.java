package dev.mosaic.platform.database;

import dev.mosaic.platform.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded PostgreSQL's {@code postgres} user, kept in {@code <data dir>/db-password}: one
 * line, readable and writable by its owner only, so other local users can neither read it nor reach the
 * database (a superuser there can run shell commands through {@code COPY … TO PROGRAM}).
 */
final class DatabasePassword {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private DatabasePassword(String value) {
        this.value = value;
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** Reads the password, tightening the file to its owner if someone loosened it. */
    static DatabasePassword read(Path file) {
        try {
            String firstLine = OwnerOnlyFiles.readFirstLine(file);
            if (firstLine.isEmpty()) {
                throw new IllegalStateException("The database password file " + file + " is empty. Restore it from a "
                        + "backup of the data directory; Mosaic cannot reach its embedded PostgreSQL without it.");
            }
            return new DatabasePassword(firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database password file " + file
                    + ". Check that the user running Mosaic owns it.", e);
        }
    }

    /** A new random password (256 bits), written before any server is told it, so a crash cannot lose it. */
    static DatabasePassword create(Path file) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        DatabasePassword password = new DatabasePassword(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        try {
            OwnerOnlyFiles.write(file, password.value, true);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the database password file " + file
                    + ". Check that Mosaic may write to its data directory.", e);
        }
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "DatabasePassword[***]";
    }
}
