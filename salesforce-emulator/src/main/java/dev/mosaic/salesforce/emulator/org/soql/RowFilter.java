package dev.mosaic.salesforce.emulator.org.soql;

/** A compiled WHERE clause: does this row of the queried object match? */
@FunctionalInterface
interface RowFilter {
    boolean test(int row);

    RowFilter ALL = row -> true;
}
