package dev.mosaic.salesforce.emulator.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ingest job's upload as RFC 4180 CSV in the job's delimiter and line ending: values may be quoted, a
 * quoted value may hold delimiters, doubled quotes and line breaks. Like Salesforce it is strict about the line
 * ending the job declared: CRLF rows in an LF job (or bare LF rows in a CRLF job) fail the whole job.
 */
final class IngestCsvReader {
    /** The upload: its header's columns and its rows, each as long as the header. */
    record Table(List<String> columns, List<List<String>> rows) {
    }

    private final char delimiter;
    private final boolean crlf;
    private final String lineEndingName;
    private final String text;
    private int pos;
    private int line = 1;

    private IngestCsvReader(CsvSettings settings, byte[] upload) {
        this.delimiter = CsvFormat.DELIMITERS.get(settings.columnDelimiter());
        this.lineEndingName = settings.lineEnding();
        this.crlf = lineEndingName.equals("CRLF");
        String decoded = new String(upload, StandardCharsets.UTF_8);
        // Spreadsheet tools write a byte order mark; it is not part of the first column's name.
        this.text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    static Table read(CsvSettings settings, byte[] upload) {
        return new IngestCsvReader(settings, upload).table();
    }

    private Table table() {
        List<List<String>> records = new ArrayList<>();
        while (pos < text.length()) {
            if (atLineEnd()) {
                // A blank line carries no record.
                skipLineEnd();
                continue;
            }
            records.add(record());
        }
        if (records.isEmpty()) {
            throw new InvalidUpload("InvalidBatch : The uploaded data has no header row");
        }
        List<String> columns = records.get(0).stream().map(String::trim).toList();
        List<List<String>> rows = records.subList(1, records.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new InvalidUpload("InvalidBatch : Record " + (i + 1) + " has " + rows.get(i).size()
                        + " values, but the header has " + columns.size() + " columns");
            }
        }
        return new Table(columns, List.copyOf(rows));
    }

    /** One record, and the line ending after it. */
    private List<String> record() {
        List<String> values = new ArrayList<>();
        while (true) {
            values.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : unquoted());
            if (pos >= text.length()) {
                return values;
            }
            if (text.charAt(pos) == delimiter) {
                pos++;
                continue;
            }
            skipLineEnd();
            return values;
        }
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        int openedOnLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new InvalidUpload("InvalidBatch : The quoted value that starts on line " + openedOnLine
                        + " is never closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
                    throw new InvalidUpload("InvalidBatch : Line " + line + " has a character after a closing quote;"
                            + " a quote inside a quoted value must be doubled");
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
    }

    /** At a line break outside quotes: LF or CRLF, whichever the data has, so that a mismatch is noticed. */
    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n';
    }

    private void skipLineEnd() {
        boolean isCrlf = text.charAt(pos) == '\r';
        if (isCrlf != crlf) {
            throw new InvalidUpload("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is "
                    + lineEndingName);
        }
        pos += isCrlf ? 2 : 1;
        line++;
    }
}
