package dev.mosaic.salesforce.emulator.org;

import java.util.List;
import java.util.Map;

/** The rows a SOQL statement selected, formatted on demand. Immutable once returned. */
public interface QueryResult {

    /** The object queried ({@code FROM X}). */
    String objectName();

    /** All matching rows ({@code COUNT()} gives the count with no rows). */
    int totalSize();

    /** True for {@code SELECT COUNT() …}: REST answers {@code totalSize} with empty {@code records}. */
    boolean isCount();

    /** Rows {@code [from, to)} as REST JSON records, with {@code attributes} and nested parent objects. */
    List<Map<String, Object>> restRecords(int from, int to, String apiVersion);

    /** Bulk 2.0 CSV header: the selected paths in SELECT order ({@code Id}, {@code Account.Name}, …). */
    List<String> csvHeader();

    /** Rows {@code [from, to)} as Bulk CSV values (null as empty string; datetimes as {@code …000Z}). */
    List<List<String>> csvRows(int from, int to);
}
