package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running Mosaic's claim on its data directory: an OS file lock on {@code mosaic.lock}. The OS drops the
 * lock when the process ends, however it ends, so a held lock means a live Mosaic and a free one means that
 * whatever still runs in the directory (an embedded PostgreSQL after {@code kill -9}) was left behind.
 * The embedded PostgreSQL never inherits it: record locks belong to the process that took them.
 */
final class DataDirectoryLock implements AutoCloseable {

    // POSIX drops all of a process's locks on a file when it closes any descriptor of that file, so a second
    // attempt in this JVM must not even open the file: it would free the first one's claim.
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once, or fails at once naming the live holder. */
    static DataDirectoryLock acquire(Path lockFile, Path dataDirectory) {
        Path key = identity(lockFile);
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw new DataDirectoryInUseException(dataDirectory, OptionalLong.of(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(key);
                throw new DataDirectoryInUseException(dataDirectory, holderPid(lockFile));
            }
            // The holder's pid is only there to make the refusal of a second Mosaic name the first one.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(key, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
            throw new UncheckedIOException("Could not lock " + lockFile + " to claim the data directory " + dataDirectory
                    + ". Check that Mosaic may write there, or set MOSAIC_DATA_DIR to a directory it may write to.", e);
        }
    }

    /** The same file whichever path leads to it (a symbolic link, a relative path). */
    private static Path identity(Path lockFile) {
        try {
            return lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not resolve the data directory " + lockFile.getParent(), e);
        }
    }

    private static OptionalLong holderPid(Path lockFile) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(lockFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            // Some systems refuse to read a locked file; the refusal is then only less specific.
            return OptionalLong.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to release: closing the channel is what frees the lock.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel's close below releases it too.
        }
        closeQuietly(channel);
        HELD_IN_THIS_JVM.remove(key);
    }
}
