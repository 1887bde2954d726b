package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Where the embedded PostgreSQL's programs (postgres, initdb, pg_ctl) are unpacked. The library's default,
 * {@code /tmp/embedded-pg}, is writable by every local user, who could put a program of their own in the place
 * of {@code postgres} and have Mosaic run it. Mosaic unpacks them inside a directory of its user's that nobody
 * else may enter, shared by all of that user's data directories so they are unpacked once.
 */
final class PostgresPrograms {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PostgresPrograms() {
    }

    /** Empty where the file system has no POSIX permissions (Windows, where the temporary directory is per user). */
    static Optional<Path> unpackDirectory() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return Optional.empty();
            }
            Path own = temporary.resolve("mosaic-postgres-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
            try {
                Files.createDirectory(own, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(own, OWNER_ONLY);
            } catch (FileAlreadyExistsException existing) {
                requireOwnedByUs(own, temporary);
            }
            // The library makes the directory it is given writable by all, so it gets one a level down.
            return Optional.of(own.resolve("programs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a directory in " + temporary + " for the embedded "
                    + "PostgreSQL's programs. Check that java.io.tmpdir is writable, or set MOSAIC_DB_URL.", e);
        }
    }

    private static void requireOwnedByUs(Path directory, Path temporary) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal us = currentUser(temporary);
        if (!attributes.isDirectory() || !attributes.owner().equals(us) || !attributes.permissions().equals(OWNER_ONLY)) {
            throw new IllegalStateException("Mosaic keeps the embedded PostgreSQL's programs in " + directory
                    + ", but that is not a directory only " + us.getName() + " may use (owner " + attributes.owner().getName()
                    + ", permissions " + PosixFilePermissions.toString(attributes.permissions()) + "), so another user"
                    + " could replace them. Remove it and start Mosaic again.");
        }
    }

    /** By the owner of a file just made, since a user name may not be known to the system (a container's uid). */
    private static UserPrincipal currentUser(Path temporary) throws IOException {
        Path probe = Files.createTempFile(temporary, "mosaic-owner-", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }
}
