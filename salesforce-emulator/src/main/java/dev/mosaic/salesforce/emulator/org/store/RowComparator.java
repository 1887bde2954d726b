package dev.mosaic.salesforce.emulator.org.store;

/** Orders rows by index without boxing them. */
@FunctionalInterface
public interface RowComparator {
    int compare(int a, int b);
}
