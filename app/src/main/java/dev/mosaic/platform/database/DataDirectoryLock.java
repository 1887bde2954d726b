package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The running Mosaic's claim on its data directory: an OS file lock on {@code mosaic.lock}. The OS drops the
 * lock when the process ends, however it ends, so a held lock means a live Mosaic and a free one means that
 * whatever still runs in the directory (an embedded PostgreSQL after {@code kill -9}) was left behind.
 * The embedded PostgreSQL never inherits it: record locks belong to the process that took them.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once, or fails at once naming the live holder. */
    static DataDirectoryLock acquire(Path lockFile, Path dataDirectory) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDirectory, holderPid(lockFile));
            }
            // The holder's pid is only there to make the refusal of a second Mosaic name the first one.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock " + lockFile + " to claim the data directory " + dataDirectory
                    + ". Check that Mosaic may write there, or set MOSAIC_DATA_DIR to a directory it may write to.", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
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
    }
}
