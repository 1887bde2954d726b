package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded PostgreSQL's {@code postgres} user, kept in {@code <data dir>/db-password}: one
 * line, readable and writable by its owner only, so other local users can neither read it nor reach the
 * database (a superuser there can run shell commands through {@code COPY … TO PROGRAM}).
 */
final class DatabasePassword {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
            restrictToOwner(file);
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
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
            Path temporary = ownerOnlyTemporaryFile(file);
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                     Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                    writer.write(password.value + "\n");
                    writer.flush();
                    channel.force(true);
                }
                moveIntoPlace(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the database password file " + file
                    + ". Check that Mosaic may write to its data directory.", e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path file) throws IOException {
        if (posix(file.getParent())) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            // Created owner-only, so the password is never readable by others, not even for a moment.
            return Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly);
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        restrictToOwner(temporary);
        return temporary;
    }

    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return;
        }
        // Without POSIX permissions (Windows), the closest the JDK offers: access for the owner alone.
        java.io.File asFile = file.toFile();
        asFile.setReadable(false, false);
        asFile.setWritable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(true, true);
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "DatabasePassword[***]";
    }
}
