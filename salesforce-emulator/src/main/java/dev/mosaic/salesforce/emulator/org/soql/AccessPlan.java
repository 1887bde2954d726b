package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.Comparison;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.Condition;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.Literal;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.OrderItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.RowVisitor;

import java.util.List;
import java.util.TreeSet;

/**
 * How a query reaches candidate rows. The full WHERE filter still runs on every candidate; the plan
 * only narrows and orders them.
 */
abstract class AccessPlan {

    abstract void visit(ObjectTable table, RowVisitor visitor);

    /** True when candidates arrive already in ORDER BY's order. */
    abstract boolean yieldsOrder(List<OrderItem> orderBy);

    static AccessPlan choose(String soql, ObjectTable table, SoqlStatement statement, PathBinder binder,
                             LiteralValues literals) {
        List<Condition> conjuncts = FilterCompiler.conjuncts(statement.where());
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        boolean stampBounded = false;
        int firstRow = 0;
        int endRow = Integer.MAX_VALUE;
        boolean idBounded = false;
        for (Condition c : conjuncts) {
            if (!(c instanceof Comparison cmp)) {
                continue;
            }
            String path = cmp.path();
            if (path.equalsIgnoreCase("Id") && cmp.semiJoin() == null
                    && (cmp.operator().equals("=") || cmp.operator().equals("IN"))) {
                FieldDef id = table.def().field("Id");
                TreeSet<Integer> rows = new TreeSet<>();
                for (Literal lit : cmp.values()) {
                    Object key = literals.convert(id, lit);
                    if (key instanceof Long k && k != Long.MIN_VALUE && RecordStore.codeOf(k) == table.code()) {
                        rows.add(RecordStore.rowOf(k));
                    }
                }
                return new ById(rows);
            }
            if (path.equalsIgnoreCase("Id") && cmp.semiJoin() == null && cmp.values().size() == 1
                    && !cmp.values().get(0).isNull() && List.of("<", "<=", ">", ">=").contains(cmp.operator())) {
                // PK chunking: Id ranges are row ranges, since rows are numbered in Id order.
                Object key = literals.convert(table.def().field("Id"), cmp.values().get(0));
                if (key instanceof Long k && k != Long.MIN_VALUE && RecordStore.codeOf(k) == table.code()) {
                    int row = RecordStore.rowOf(k);
                    switch (cmp.operator()) {
                        case ">" -> firstRow = Math.max(firstRow, row + 1);
                        case ">=" -> firstRow = Math.max(firstRow, row);
                        case "<" -> endRow = Math.min(endRow, row);
                        default -> endRow = Math.min(endRow, row + 1);
                    }
                    idBounded = true;
                }
            }
            if (path.equalsIgnoreCase("SystemModstamp") && !cmp.operator().equals("!=")
                    && cmp.values().size() == 1 && !cmp.values().get(0).isNull()
                    && !cmp.operator().contains("IN") && !cmp.operator().equals("LIKE")) {
                FieldDef stamp = table.def().field("SystemModstamp");
                Literal lit = cmp.values().get(0);
                long[] range = literals.range(stamp, lit);
                long lo;
                long hi;
                if (range != null) {
                    lo = range[0];
                    hi = range[1];
                } else {
                    long v = (Long) literals.convert(stamp, lit);
                    lo = v;
                    hi = v + 1;
                }
                switch (cmp.operator()) {
                    case "=" -> { from = Math.max(from, lo); to = Math.min(to, hi); }
                    case ">" -> from = Math.max(from, hi);
                    case ">=" -> from = Math.max(from, lo);
                    case "<" -> to = Math.min(to, lo);
                    case "<=" -> to = Math.min(to, hi);
                    default -> { }
                }
                stampBounded = true;
            }
        }
        if (stampBounded || !idBounded && startsWithStampAscending(statement.orderBy())) {
            return new ByStamp(from, to);
        }
        return new Scan(firstRow, endRow);
    }

    private static boolean startsWithStampAscending(List<OrderItem> orderBy) {
        return !orderBy.isEmpty() && orderBy.get(0).path().equalsIgnoreCase("SystemModstamp")
                && orderBy.get(0).ascending();
    }

    private static boolean isId(OrderItem item) {
        return item.path().equalsIgnoreCase("Id") && item.ascending();
    }

    /** Rows in Id order, optionally within an Id range. */
    static final class Scan extends AccessPlan {
        private final int firstRow;
        private final int endRow;

        Scan(int firstRow, int endRow) {
            this.firstRow = firstRow;
            this.endRow = endRow;
        }

        @Override
        void visit(ObjectTable table, RowVisitor visitor) {
            int n = Math.min(table.size(), endRow);
            for (int row = firstRow; row < n; row++) {
                if (!visitor.visit(row)) {
                    return;
                }
            }
        }

        @Override
        boolean yieldsOrder(List<OrderItem> orderBy) {
            return orderBy.size() == 1 && isId(orderBy.get(0));
        }
    }

    /** Only the rows named by {@code Id = …} or {@code Id IN (…)}, in Id order. */
    static final class ById extends AccessPlan {
        private final TreeSet<Integer> rows;

        ById(TreeSet<Integer> rows) {
            this.rows = rows;
        }

        @Override
        void visit(ObjectTable table, RowVisitor visitor) {
            for (int row : rows) {
                if (table.hasRow(row) && !visitor.visit(row)) {
                    return;
                }
            }
        }

        @Override
        boolean yieldsOrder(List<OrderItem> orderBy) {
            return orderBy.size() == 1 && isId(orderBy.get(0));
        }
    }

    /** The SystemModstamp index between two instants, in (SystemModstamp, Id) order. */
    static final class ByStamp extends AccessPlan {
        private final long from;
        private final long to;

        ByStamp(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        void visit(ObjectTable table, RowVisitor visitor) {
            if (from < to) {
                table.scanByStamp(from, to, visitor);
            }
        }

        @Override
        boolean yieldsOrder(List<OrderItem> orderBy) {
            if (orderBy.isEmpty() || orderBy.size() > 2) {
                return orderBy.isEmpty();
            }
            OrderItem first = orderBy.get(0);
            // SystemModstamp is never null, so NULLS FIRST/LAST cannot change the order.
            boolean stampAsc = first.path().equalsIgnoreCase("SystemModstamp") && first.ascending();
            return stampAsc && (orderBy.size() == 1 || isId(orderBy.get(1)));
        }
    }
}
