package dev.mosaic.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a second Mosaic's refusal as the one thing to read on start-up, not at the end of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Mosaic, or set MOSAIC_DATA_DIR to another directory, or MOSAIC_DB_URL to an external"
                        + " PostgreSQL.", cause);
    }
}
