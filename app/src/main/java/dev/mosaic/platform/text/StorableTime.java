package dev.mosaic.platform.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Times and dates a person could mean: years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. Java parses
 * {@code +294277-01-01T00:00:00Z} and {@code -1000000000-01-01T00:00:00Z}, but PostgreSQL's
 * {@code timestamptz} ends in year 294276 and begins in 4713 BC, and a year of more than four digits is
 * not ISO 8601 text that every reader of Mosaic's JSON takes. The range holds meetings next week and
 * records from long ago alike.
 */
public final class StorableTime {

    public static final int FIRST_YEAR = 1000;
    public static final int LAST_YEAR = 9999;
    public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    /** Exclusive: the first instant of year 10000. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private StorableTime() {
    }

    /** Why {@code time} cannot be stored, as a phrase that follows its name; empty when it can. */
    public static Optional<String> problem(Instant time) {
        if (time.isBefore(EARLIEST) || !time.isBefore(END)) {
            return Optional.of("must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + "; " + time + " does not");
        }
        return Optional.empty();
    }

    /** Why {@code date} cannot be stored, as a phrase that follows its name; empty when it can. */
    public static Optional<String> problem(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            return Optional.of("must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + "; " + date + " does not");
        }
        return Optional.empty();
    }
}
