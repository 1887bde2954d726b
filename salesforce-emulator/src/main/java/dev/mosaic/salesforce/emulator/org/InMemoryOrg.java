package dev.mosaic.salesforce.emulator.org;
public abstract class InMemoryOrg implements Org {
    public static Org generate(long seed, int accounts, java.time.Clock clock) { throw new UnsupportedOperationException(); }
}
