package dev.mosaic.platform.files;

import java.io.IOException;
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
import java.util.Set;

/**
 * Small secret files in the data directory (the embedded database's password, the key that seals secrets): readable
 * and writable by their owner only, never readable by others even for a moment, and on disk before anything relies
 * on them, so a crash cannot lose a secret that something was already sealed or configured with.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** The file's first line, stripped (empty when it has none), after tightening it to its owner if someone loosened it. */
    public static String readFirstLine(Path file) throws IOException {
        restrictToOwner(file);
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
    }

    /**
     * Writes {@code line} as the file's one line: to an owner-only temporary file, forced to disk, then moved into
     * place.
     *
     * @param replace whether an existing file is replaced; if not, an existing file makes this throw
     *                {@link java.nio.file.FileAlreadyExistsException} and stays as it was
     */
    public static void write(Path file, String line, boolean replace) throws IOException {
        Path temporary = ownerOnlyTemporaryFile(file);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                writer.write(line + "\n");
                writer.flush();
                channel.force(true);
            }
            if (replace) {
                moveReplacing(temporary, file);
            } else {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path file) throws IOException {
        if (posix(file.getParent())) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            // Created owner-only, so the secret is never readable by others, not even for a moment.
            return Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly);
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        restrictToOwner(temporary);
        return temporary;
    }

    private static void moveReplacing(Path temporary, Path file) throws IOException {
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
}
