package dev.mosaic.salesforce.emulator.bulk;

import java.util.List;
import java.util.Map;

/**
 * Bulk 2.0 result CSV: a header row always, every value double-quoted with embedded quotes doubled,
 * null as an empty quoted value, NUL bytes stripped, in the job's delimiter and line ending.
 */
record CsvFormat(char delimiter, String lineEnding) {
    static final Map<String, Character> DELIMITERS = Map.of(
            "COMMA", ',', "TAB", '\t', "PIPE", '|', "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');
    static final Map<String, String> LINE_ENDINGS = Map.of("LF", "\n", "CRLF", "\r\n");

    static CsvFormat of(String columnDelimiter, String lineEnding) {
        return new CsvFormat(DELIMITERS.get(columnDelimiter), LINE_ENDINGS.get(lineEnding));
    }

    void appendRow(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String value = values.get(i) == null ? "" : values.get(i).replace("\u0000", "");
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        out.append(lineEnding);
    }
}
