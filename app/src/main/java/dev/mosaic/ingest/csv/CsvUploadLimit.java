package dev.mosaic.ingest.csv;

import dev.mosaic.platform.http.LimitedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How large a CSV upload may be. 50 MB is a few hundred thousand rows: more than a spreadsheet exports,
 * less than would keep a request thread busy for long.
 */
public final class CsvUploadLimit {

    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private CsvUploadLimit() {
    }

    /** The upload is larger than {@link #MAX_BYTES}: the caller answers 413. */
    public static class TooLargeException extends IOException {
        public TooLargeException() {
            super("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it into several imports.");
        }
    }

    /**
     * Copies a request body of unknown size to a temporary file, failing with {@link TooLargeException}
     * past {@link #MAX_BYTES}, and returns it for reading; closing it deletes the file. So a file over the
     * limit is refused before any of its rows is imported, as a multipart upload is (the servlet container
     * stores those before the request reaches us).
     */
    public static SpooledUpload spool(InputStream body) throws IOException {
        Path file = Files.createTempFile("mosaic-csv-upload-", ".csv");
        try (InputStream limited = limit(body)) {
            Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            return new SpooledUpload(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A request body kept in a temporary file for as long as the request needs it. */
    public static final class SpooledUpload implements CsvUpload, Closeable {

        private final Path file;

        private SpooledUpload(Path file) {
            this.file = file;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** The stream, failing with {@link TooLargeException} once more than {@link #MAX_BYTES} were read. */
    static InputStream limit(InputStream upload) {
        return new LimitedInputStream(upload, MAX_BYTES, TooLargeException::new);
    }
}
