package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Parses the {@code start}/{@code end} of the replication endpoints: ISO-8601 with {@code Z}, {@code +00:00} or {@code +0000}. */
final class ReplicationDates {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final Instant EARLIEST = Instant.parse("1700-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("4000-12-31T23:59:59Z");

    private ReplicationDates() {
    }

    static Instant parse(DataCall call, String name) {
        String raw = call.query().get(name);
        if (raw == null || raw.isBlank()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", name + " parameter is missing");
        }
        // An unencoded '+' in the offset arrives as a space after form decoding.
        String value = raw.trim().replace(' ', '+');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            instant = null;
        }
        // Salesforce datetimes run from year 1700 to 4000; past that epoch millis could even overflow.
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new SalesforceError(400, "INVALID_REPLICATION_DATE", "Invalid " + name + " date: " + raw);
        }
        return instant;
    }
}
