package dev.mosaic.ingest.csv;

import java.io.IOException;
import java.io.InputStream;

/**
 * An uploaded CSV file that can be read more than once: first to count its rows, then to import or
 * store it. Each call opens the file from its beginning; the caller closes the stream.
 */
@FunctionalInterface
public interface CsvUpload {

    InputStream open() throws IOException;
}
