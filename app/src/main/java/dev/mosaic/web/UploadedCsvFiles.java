package dev.mosaic.web;

import dev.mosaic.ingest.csv.CsvUploadLimit;
import dev.mosaic.platform.errors.NotFoundException;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CSV files a person uploaded for a preview, kept on the server (owner-only temporary files) until they confirm the
 * import, upload another, or their session ends. A few at a time; at most {@link CsvUploadLimit#MAX_BYTES} each.
 */
final class UploadedCsvFiles implements HttpSessionBindingListener {

    private static final String ATTRIBUTE = UploadedCsvFiles.class.getName();
    private static final int KEPT = 3;

    private final Map<UUID, Upload> uploads = new LinkedHashMap<>();

    /** @param name the file's name as the person's computer gave it, for messages */
    record Upload(UUID id, String name, Path path) {
    }

    static UploadedCsvFiles of(HttpSession session) {
        synchronized (session) {
            UploadedCsvFiles files = (UploadedCsvFiles) session.getAttribute(ATTRIBUTE);
            if (files == null) {
                files = new UploadedCsvFiles();
                session.setAttribute(ATTRIBUTE, files);
            }
            return files;
        }
    }

    synchronized Upload keep(InputStream content, String name) throws IOException {
        Path path = Files.createTempFile("mosaic-upload-", ".csv",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(path)) {
            long copied = content.transferTo(out);
            if (copied > CsvUploadLimit.MAX_BYTES) {
                throw new CsvUploadLimit.TooLargeException();
            }
        } catch (IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        Upload upload = new Upload(UUID.randomUUID(), name == null || name.isBlank() ? "the file" : name, path);
        uploads.put(upload.id(), upload);
        while (uploads.size() > KEPT) {
            forget(uploads.keySet().iterator().next());
        }
        return upload;
    }

    synchronized Upload get(UUID id) {
        Upload upload = uploads.get(id);
        if (upload == null) {
            throw new NotFoundException("That upload is gone (imported already, or the session ended): choose the file again");
        }
        return upload;
    }

    synchronized void forget(UUID id) {
        Upload upload = uploads.remove(id);
        if (upload != null) {
            delete(upload.path());
        }
    }

    @Override
    public synchronized void valueUnbound(HttpSessionBindingEvent event) {
        uploads.values().forEach(upload -> delete(upload.path()));
        uploads.clear();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
