package dev.mosaic.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

/**
 * An uploaded file kept in the database for a background import, in parts of {@link #PART_BYTES}: written
 * once from the upload, then read back one part at a time, so memory stays bounded for any file size.
 */
final class StoredCsvFile {

    static final int PART_BYTES = 1 << 20;

    /** The bytes and the number of parts of a stored file. */
    record Size(long bytes, int parts) {
    }

    /** A part the job's row promises is not there: the file cannot be read to its end. */
    static final class MissingPartException extends IOException {
        MissingPartException(UUID importId, int part, int parts) {
            super("Part " + part + " of " + parts + " of the stored file of import " + importId + " is missing");
        }
    }

    private StoredCsvFile() {
    }

    static Size store(CsvImportJobStore store, String tenantId, UUID importId, InputStream upload) throws IOException {
        byte[] buffer = new byte[PART_BYTES];
        long bytes = 0;
        int parts = 0;
        for (int read = upload.readNBytes(buffer, 0, PART_BYTES); read > 0; read = upload.readNBytes(buffer, 0, PART_BYTES)) {
            store.addPart(tenantId, importId, parts++, Arrays.copyOf(buffer, read));
            bytes += read;
        }
        return new Size(bytes, parts);
    }

    static InputStream open(CsvImportJobStore store, StoredImportJob job) {
        return new PartsStream(store, job.tenantId(), job.importId(), job.fileParts());
    }

    private static final class PartsStream extends InputStream {

        private final CsvImportJobStore store;
        private final String tenantId;
        private final UUID importId;
        private final int parts;
        private byte[] current = new byte[0];
        private int position;
        private int nextPart;

        PartsStream(CsvImportJobStore store, String tenantId, UUID importId, int parts) {
            this.store = store;
            this.tenantId = tenantId;
            this.importId = importId;
            this.parts = parts;
        }

        @Override
        public int read() throws IOException {
            return available() > 0 || loadNextPart() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (available() == 0 && !loadNextPart()) {
                return -1;
            }
            int count = Math.min(length, available());
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return current.length - position;
        }

        private boolean loadNextPart() throws IOException {
            while (available() == 0) {
                if (nextPart >= parts) {
                    return false;
                }
                int part = nextPart++;
                current = store.part(tenantId, importId, part)
                        .orElseThrow(() -> new MissingPartException(importId, part, parts));
                position = 0;
            }
            return true;
        }
    }
}
