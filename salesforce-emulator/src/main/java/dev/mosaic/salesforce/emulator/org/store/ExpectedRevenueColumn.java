package dev.mosaic.salesforce.emulator.org.store;

/**
 * Opportunity.ExpectedRevenue, a formula (Amount × Probability / 100) computed on read. Like every
 * Salesforce formula, its value can change without the record's SystemModstamp moving.
 */
final class ExpectedRevenueColumn extends Column {
    private final Column amount;
    private final Column probability;

    ExpectedRevenueColumn(Column amount, Column probability) {
        this.amount = amount;
        this.probability = probability;
    }

    @Override
    public Object get(int row) {
        Double a = (Double) amount.get(row);
        Double p = (Double) probability.get(row);
        return a == null || p == null ? null : a * p / 100.0;
    }

    @Override
    public void set(int row, Object value) {
        // Calculated; not writable.
    }

    @Override
    void ensureCapacity(int rows) {
    }
}
