package dev.mosaic.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The SOQL the sync sends: one shape per purpose, with times as Salesforce reads them. */
final class Soql {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ORDER = " ORDER BY SystemModstamp, Id";

    private Soql() {
    }

    static String literal(Instant time) {
        return LITERAL.format(time);
    }

    /** Salesforce keeps milliseconds; a bound with more would not match its own stamps. */
    static Instant millis(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The records of a window, in {@code SystemModstamp, Id} order, after a position when one is given.
     *
     * @param from     the window's start (inclusive), or null for everything before {@code end}
     * @param after    resume after this stamp: after record {@code afterId} of it, or from the stamp on when null
     */
    static String window(String object, List<String> fields, Instant from, Instant end, Instant after, String afterId) {
        StringBuilder where = new StringBuilder();
        if (after != null && afterId == null) {
            where.append("SystemModstamp >= ").append(literal(after)).append(" AND ");
        } else if (after != null) {
            where.append("(SystemModstamp > ").append(literal(after)).append(" OR (SystemModstamp = ")
                    .append(literal(after)).append(" AND Id > '").append(id(afterId)).append("')) AND ");
        } else if (from != null) {
            where.append("SystemModstamp >= ").append(literal(from)).append(" AND ");
        }
        where.append("SystemModstamp < ").append(literal(end));
        return select(object, fields) + " WHERE " + where + ORDER;
    }

    /** Every record before {@code end}, for a Bulk job (which needs no order: its pages are its own). */
    static String everythingBefore(String object, List<String> fields, Instant end) {
        return select(object, fields) + " WHERE SystemModstamp < " + literal(end);
    }

    static String byIds(String object, List<String> fields, List<String> ids) {
        return select(object, fields) + " WHERE Id IN ('" + String.join("','", ids.stream().map(Soql::id).toList()) + "')";
    }

    /** Ids come from Salesforce, but are checked anyway before they become part of a query. */
    private static String id(String id) {
        if (!id.matches("[A-Za-z0-9]{15,18}")) {
            throw new IllegalArgumentException("Not a Salesforce record id: '" + id + "'");
        }
        return id;
    }

    private static String select(String object, List<String> fields) {
        return "SELECT " + String.join(", ", fields) + " FROM " + object;
    }
}
