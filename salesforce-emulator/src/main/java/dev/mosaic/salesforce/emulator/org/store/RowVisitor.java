package dev.mosaic.salesforce.emulator.org.store;

/** Visits rows in some index order; returning false stops the scan early (for LIMIT). */
@FunctionalInterface
public interface RowVisitor {
    boolean visit(int row);
}
