package dev.mosaic.ingest.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an uploaded CSV row by row, in bounded memory: the header, then each data row with its
 * spreadsheet row number. Takes a file with or without a UTF-8 byte order mark, delimited by commas,
 * semicolons or tabs (whichever the header line has most of, outside quotes). A row the CSV itself makes
 * unreadable (broken quotes, more values than the header has columns) comes back as an unreadable row;
 * only a file without a header fails as a whole.
 */
final class CsvRowReader implements Closeable {

    /** The header line is read twice (to choose the delimiter, then to parse it): it must fit a buffer. */
    private static final int MAX_HEADER_CHARS = 1 << 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What the UTF-8 decoder puts where bytes are not UTF-8. */
    private static final char NOT_UTF8 = '\uFFFD';

    private final RecordGuardReader guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;
    private final List<String> header;
    private CSVRecord pendingRecord;
    private int pendingRow;

    private CsvRowReader(BufferedReader text, char delimiter) throws IOException {
        this.delimiter = delimiter;
        this.guard = new RecordGuardReader(text, delimiter);
        this.parser = CSVParser.builder()
                .setReader(guard)
                .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())
                .get();
        this.records = parser.iterator();
        if (!hasNextRecord()) {
            throw noHeader(guard.problems().isEmpty()
                    ? "The file has no header line: its first line must name the columns."
                    : "The file's header line cannot be read: " + guard.problems().peekFirst().reason());
        }
        CSVRecord headerRecord = nextRecord();
        int headerRow = guard.passedRows().removeFirst();
        if (!guard.problems().isEmpty() && guard.problems().peekFirst().row() < headerRow) {
            throw noHeader("The file's header line cannot be read: " + guard.problems().peekFirst().reason());
        }
        this.header = headerRecord.stream().map(String::trim).toList();
        if (header.stream().allMatch(String::isEmpty)) {
            throw noHeader("The file's header line names no columns.");
        }
    }

    /** Opens the CSV text; fails with {@link InvalidImportException} when it has no usable header. */
    static CsvRowReader open(Reader csv) throws IOException {
        BufferedReader text = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv, 1 << 16);
        text.mark(MAX_HEADER_CHARS);
        int first = text.read();
        if (first != BYTE_ORDER_MARK) {
            text.reset();
        }
        text.mark(MAX_HEADER_CHARS);
        String headerLine = firstNonBlankLine(text);
        if (headerLine == null) {
            throw new InvalidImportException("file", "The file is empty: it needs a header line and rows.");
        }
        if (headerLine.indexOf(NOT_UTF8) >= 0 || headerLine.indexOf('\u0000') >= 0) {
            throw noHeader("The file is not UTF-8 text (it may be UTF-16, or Windows-1252 as older Excel saves"
                    + " \"CSV\"). Save it as \"CSV UTF-8\" and import it again.");
        }
        char delimiter = DelimiterDetection.detect(headerLine);
        try {
            text.reset();
        } catch (IOException e) {
            throw noHeader("The file's first line is longer than " + MAX_HEADER_CHARS
                    + " characters; is it a CSV file?");
        }
        return new CsvRowReader(text, delimiter);
    }

    List<String> header() {
        return header;
    }

    char delimiter() {
        return delimiter;
    }

    /** The next non-blank data row, or null at the end of the file. */
    CsvRow next() throws IOException {
        while (true) {
            if (pendingRecord == null && hasNextRecord()) {
                pendingRecord = nextRecord();
                pendingRow = guard.passedRows().removeFirst();
            }
            CsvRowProblem problem = guard.problems().peekFirst();
            if (problem != null && (pendingRecord == null || problem.row() < pendingRow)) {
                guard.problems().removeFirst();
                return CsvRow.unreadable(problem.row(), problem.reason());
            }
            if (pendingRecord == null) {
                return null;
            }
            CSVRecord record = pendingRecord;
            pendingRecord = null;
            CsvRow row = toRow(pendingRow, record);
            if (row != null) {
                return row;
            }
        }
    }

    /** The row, or null when it is blank: a row of only delimiters (",,,") is as blank as an empty line. */
    private CsvRow toRow(int row, CSVRecord record) {
        List<String> values = new ArrayList<>(header.size());
        record.forEach(values::add);
        if (values.size() > header.size()) {
            // Spreadsheets often save trailing empty cells; only real values beyond the header are lost data.
            List<String> extra = values.subList(header.size(), values.size());
            if (!extra.stream().allMatch(String::isBlank)) {
                return CsvRow.unreadable(row, "The row has " + values.size() + " values but the header has "
                        + header.size() + " columns; quote values that contain the delimiter '"
                        + printable(delimiter) + "'.");
            }
            extra.clear();
        }
        if (values.stream().allMatch(String::isBlank)) {
            return null;
        }
        if (values.stream().anyMatch(value -> value.indexOf(NOT_UTF8) >= 0)) {
            // Importing the row would store the replacement characters in place of the user's letters.
            return CsvRow.unreadable(row, "The row has bytes that are not UTF-8, so some letters cannot be read;"
                    + " save the file as \"CSV UTF-8\" and import it again.");
        }
        values.addAll(Collections.nCopies(header.size() - values.size(), ""));
        return CsvRow.readable(row, values);
    }

    private boolean hasNextRecord() throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private CSVRecord nextRecord() throws IOException {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String firstNonBlankLine(BufferedReader text) throws IOException {
        String line;
        do {
            line = text.readLine();
        } while (line != null && line.isBlank());
        return line;
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    private static InvalidImportException noHeader(String message) {
        return new InvalidImportException("file", message);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
