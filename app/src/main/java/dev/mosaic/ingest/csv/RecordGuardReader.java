package dev.mosaic.ingest.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The CSV text as commons-csv should see it: only records whose quoting is sound, each on its own, blank
 * lines left out. A record with broken quotes is set aside as a {@link CsvRowProblem} and reading goes on
 * at the line after the one it started on, so one stray quote costs one row, not the rest of the file.
 *
 * <p>Records are numbered as a spreadsheet numbers rows: the first record is row 1, a record whose quoted
 * value spans several lines is one row, a blank line is a row. The number of each record handed to the
 * parser is queued in {@link #passedRows()}, in order, so the parser's n-th record can be given its row.
 */
final class RecordGuardReader extends Reader {

    /** A quoted value that runs on for longer than this is taken for an unclosed quote, not a long note. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final BufferedReader lines;
    private final QuoteScanner scanner;
    private final Deque<String> linesToReread = new ArrayDeque<>();
    private final Deque<Integer> passedRows = new ArrayDeque<>();
    private final Deque<CsvRowProblem> problems = new ArrayDeque<>();
    private int nextRow = 1;
    private String current = "";
    private int position;
    private boolean ended;

    RecordGuardReader(BufferedReader lines, char delimiter) {
        this.lines = lines;
        this.scanner = new QuoteScanner(delimiter);
    }

    /** Row numbers of the records given to the parser and not yet claimed, oldest first. */
    Deque<Integer> passedRows() {
        return passedRows;
    }

    /** Broken records found so far and not yet claimed, in row order. */
    Deque<CsvRowProblem> problems() {
        return problems;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length()) {
            if (ended || !loadNextRecord()) {
                ended = true;
                return -1;
            }
        }
        int count = Math.min(length, current.length() - position);
        current.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    /** Makes the next sound record current; false at the end of the text. */
    private boolean loadNextRecord() throws IOException {
        while (true) {
            String first = nextLine();
            if (first == null) {
                return false;
            }
            int row = nextRow++;
            if (first.isBlank()) {
                continue;
            }
            scanner.reset();
            QuoteScanner.LineEnd end = scanner.scanLine(first);
            if (end == QuoteScanner.LineEnd.COMPLETE) {
                pass(row, first);
                return true;
            }
            if (end == QuoteScanner.LineEnd.MALFORMED) {
                problems.add(new CsvRowProblem(row, brokenQuotes()));
                continue;
            }
            String record = readRestOfQuotedRecord(row, first);
            if (record != null) {
                pass(row, record);
                return true;
            }
        }
    }

    /**
     * Reads on while a quoted value spans lines. Null when the quote never closes properly: then the
     * record is reported and the lines read after its first go back to be read as rows of their own.
     */
    private String readRestOfQuotedRecord(int row, String first) throws IOException {
        List<String> following = new ArrayList<>();
        StringBuilder record = new StringBuilder(first);
        while (true) {
            String line = nextLine();
            QuoteScanner.LineEnd end = line == null ? QuoteScanner.LineEnd.MALFORMED : scanner.scanLine(line);
            if (line != null) {
                following.add(line);
                record.append('\n').append(line);
            }
            if (end == QuoteScanner.LineEnd.COMPLETE) {
                return record.toString();
            }
            if (end == QuoteScanner.LineEnd.MALFORMED || record.length() > MAX_RECORD_CHARS) {
                problems.add(new CsvRowProblem(row, brokenQuotes()));
                for (int i = following.size() - 1; i >= 0; i--) {
                    linesToReread.addFirst(following.get(i));
                }
                return null;
            }
        }
    }

    private void pass(int row, String record) {
        passedRows.add(row);
        current = record + "\n";
        position = 0;
    }

    private String nextLine() throws IOException {
        return linesToReread.isEmpty() ? lines.readLine() : linesToReread.removeFirst();
    }

    private static String brokenQuotes() {
        return "The row's quotes are unbalanced: a quoted value is not closed, or text follows its closing"
                + " quote. Quote a value that contains the delimiter, a quote or a line break, and double"
                + " the quotes inside it (\"\").";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
