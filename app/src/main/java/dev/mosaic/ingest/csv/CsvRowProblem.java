package dev.mosaic.ingest.csv;

/** A row the CSV itself makes unreadable, at its spreadsheet row number (the header is row 1). */
record CsvRowProblem(int row, String reason) {
}
