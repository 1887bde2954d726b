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

    private ReplicationDates() {
    }

    static Instant parse(DataCall call, String name) {
        String raw = call.query().get(name);
        if (raw == null || raw.isBlank()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", name + " parameter is missing");
        }
        // An unencoded '+' in the offset arrives as a space after form decoding.
        String value = raw.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value, FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            throw new SalesforceError(400, "INVALID_REPLICATION_DATE", "Invalid " + name + " date: " + raw);
        }
    }
}
