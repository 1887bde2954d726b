package dev.mosaic.salesforce.emulator.org;

/** Public access to {@link TestOrgs} for tests in sub-packages. */
public final class SharedOrg {
    private SharedOrg() {
    }

    public static InMemoryOrg get() {
        return TestOrgs.shared();
    }

    public static InMemoryOrg fresh() {
        return TestOrgs.fresh();
    }
}
