package dev.mosaic.platform.database;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another live Mosaic holds the data directory; two servers on one PostgreSQL data directory would corrupt it. */
public class DataDirectoryInUseException extends RuntimeException {

    public DataDirectoryInUseException(Path dataDirectory, OptionalLong holderPid) {
        super("Another Mosaic" + holderPid.stream().mapToObj(pid -> " (process " + pid + ")").findFirst().orElse("")
                + " is running with the data directory " + dataDirectory
                + ". Stop it before starting this one, or give this one its own directory with MOSAIC_DATA_DIR,"
                + " or use an external PostgreSQL with MOSAIC_DB_URL.");
    }
}
