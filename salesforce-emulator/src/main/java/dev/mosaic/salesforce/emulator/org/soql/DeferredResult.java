package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A checked query whose rows are selected at first use, once: a Bulk job asks on its own thread, REST right
 * away. A run that fails (a timeout) is not kept, so nothing half-done is ever served.
 */
final class DeferredResult implements QueryResult {
    private final String objectName;
    private final Supplier<QueryResult> run;
    private QueryResult result;

    DeferredResult(String objectName, Supplier<QueryResult> run) {
        this.objectName = objectName;
        this.run = run;
    }

    /** Synchronized so the rows are selected once and every thread sees them. */
    private synchronized QueryResult result() {
        if (result == null) {
            result = run.get();
        }
        return result;
    }

    @Override
    public String objectName() {
        return objectName;
    }

    @Override
    public int totalSize() {
        return result().totalSize();
    }

    @Override
    public boolean isCount() {
        return result().isCount();
    }

    @Override
    public List<Map<String, Object>> restRecords(int from, int to, String apiVersion) {
        return result().restRecords(from, to, apiVersion);
    }

    @Override
    public List<String> csvHeader() {
        return result().csvHeader();
    }

    @Override
    public List<List<String>> csvRows(int from, int to) {
        return result().csvRows(from, to);
    }
}
