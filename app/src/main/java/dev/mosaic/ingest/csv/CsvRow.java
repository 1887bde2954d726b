package dev.mosaic.ingest.csv;

import java.util.List;

/**
 * One data row of the file at its spreadsheet row number: either its values, or why it cannot be read.
 *
 * @param values the row's values, one per header column (missing trailing values are empty); null when
 *               {@code problem} is set
 */
record CsvRow(int row, List<String> values, String problem) {

    static CsvRow readable(int row, List<String> values) {
        return new CsvRow(row, values, null);
    }

    static CsvRow unreadable(int row, String problem) {
        return new CsvRow(row, null, problem);
    }

    boolean isReadable() {
        return problem == null;
    }
}
