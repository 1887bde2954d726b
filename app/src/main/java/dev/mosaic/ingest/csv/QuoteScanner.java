package dev.mosaic.ingest.csv;

/**
 * Follows the quoting of one CSV record across its physical lines, by the rules commons-csv parses with
 * (RFC 4180: a quote opens a quoted value only at the start of a value, {@code ""} inside it is a quote,
 * after the closing quote only spaces may come before the delimiter). It exists so that a record whose
 * quotes are broken can be found and set aside before it reaches the parser: there it would swallow the
 * lines after it, or end the parse of the whole file.
 */
final class QuoteScanner {

    /** Where a physical line left the record. */
    enum LineEnd {
        /** The record ends with this line. */
        COMPLETE,
        /** A quoted value goes on to the next line. */
        INSIDE_QUOTES,
        /** Something other than a delimiter follows a closing quote: the record's quoting is broken. */
        MALFORMED
    }

    private enum State { VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE }

    private final char delimiter;
    private State state = State.VALUE_START;

    QuoteScanner(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Starts a new record. */
    void reset() {
        state = State.VALUE_START;
    }

    /** Reads one physical line (without its line break) of the current record. */
    LineEnd scanLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (state) {
                case VALUE_START -> state = c == '"' ? State.QUOTED : c == delimiter ? State.VALUE_START : State.UNQUOTED;
                case UNQUOTED -> state = c == delimiter ? State.VALUE_START : State.UNQUOTED;
                case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTED;
                    } else if (c == delimiter) {
                        state = State.VALUE_START;
                    } else if (Character.isWhitespace(c)) {
                        state = State.AFTER_CLOSING_QUOTE;
                    } else {
                        return LineEnd.MALFORMED;
                    }
                }
                case AFTER_CLOSING_QUOTE -> {
                    if (c == delimiter) {
                        state = State.VALUE_START;
                    } else if (!Character.isWhitespace(c)) {
                        return LineEnd.MALFORMED;
                    }
                }
            }
        }
        return state == State.QUOTED ? LineEnd.INSIDE_QUOTES : LineEnd.COMPLETE;
    }
}
