package dev.mosaic.ingest.csv;

import java.util.List;

/**
 * A contacts file as a CRM exports it: a header and {@code dataRows} rows (spreadsheet rows 2 to
 * {@code dataRows + 1}), every contact with its own email, and four bad rows: an invalid email (row 2), broken
 * quotes (row 40), the email of row 3 again (row 77) and more values than columns (the last row).
 */
record GeneratedContacts(String domain, int dataRows) {

    static final String HEADER = "Email,First Name,Last Name,Company\n";

    GeneratedContacts {
        if (dataRows < 77) {
            throw new IllegalArgumentException("The bad rows need a file of at least 77 data rows");
        }
    }

    String csv() {
        StringBuilder csv = new StringBuilder(HEADER);
        int lastRow = dataRows + 1;
        for (int row = 2; row <= lastRow; row++) {
            if (row == 2) {
                csv.append("not-an-email-2,First2,Last2,Acme\n");
            } else if (row == 40) {
                csv.append(email(40)).append(",\"Ann\"x,Last40,Acme\n");
            } else if (row == 77) {
                csv.append(email(3)).append(",First77,Last77,Acme\n");
            } else if (row == lastRow) {
                csv.append(email(row)).append(",First,Last,Acme,one too many,and another\n");
            } else {
                csv.append(email(row)).append(",First").append(row).append(",Last").append(row).append(",Acme\n");
            }
        }
        return csv.toString();
    }

    String email(int row) {
        return "person" + row + "@" + domain;
    }

    List<Integer> badRows() {
        return List.of(2, 40, 77, dataRows + 1);
    }

    int goodRows() {
        return dataRows - badRows().size();
    }
}
