package dev.mosaic.salesforce.emulator.org.store;

/**
 * Opportunity.ExpectedRevenue, a formula (Amount × Probability / 100) computed on read. Like every
 * Salesforce formula, its value can change without the record's SystemModstamp moving: {@link #factor}
 * stands for an admin redefining the formula (the original times the factor; 1 is the original).
 */
final class ExpectedRevenueColumn extends Column {
    private final Column amount;
    private final Column probability;
    /** Read by queries on other threads; volatile on top of the store's lock it is set under. */
    private volatile double factor = 1.0;

    ExpectedRevenueColumn(Column amount, Column probability) {
        this.amount = amount;
        this.probability = probability;
    }

    void factor(double factor) {
        this.factor = factor;
    }

    @Override
    public Object get(int row) {
        Double a = (Double) amount.get(row);
        Double p = (Double) probability.get(row);
        // × 1.0 is exact, so factor 1 gives the original formula's values bit for bit.
        return a == null || p == null ? null : a * p / 100.0 * factor;
    }

    @Override
    public void set(int row, Object value) {
        // Calculated; not writable.
    }

    @Override
    void ensureCapacity(int rows) {
    }
}
