package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.*;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses, checks and runs SOQL against a {@link RecordStore}. Picks one of three access paths:
 * the Id (row numbers are ids), the SystemModstamp index (the incremental-sync window), or a scan;
 * when the access path already yields ORDER BY's order, LIMIT stops the scan early.
 *
 * <p>A query is parsed and checked at once, so its errors come from {@link #query}; its rows are selected at
 * the result's first use, within the {@link QueryTimeout}. Bulk jobs thus run their query on the job's
 * thread and fail as a job when it takes too long, while creating the job still refuses a bad query.
 */
public final class SoqlEngine {
    private static final int MAX_OFFSET = 2000;

    private final RecordStore store;
    private final QueryTimeout timeout;

    public SoqlEngine(RecordStore store, QueryTimeout timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    public QueryResult query(String soql, QueryMode mode, boolean restrictedUser, long nowMillis) {
        if (soql == null || soql.isBlank()) {
            throw new SalesforceError(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        SoqlStatement statement = SoqlParser.parse(soql);
        ObjectDef def = store.schema().object(statement.from());
        if (def == null) {
            throw SoqlErrors.invalidType(soql, statement.fromOffset(), statement.from());
        }
        ObjectTable table = store.table(def);
        PathBinder binder = new PathBinder(soql, store, restrictedUser);
        LiteralValues literals = new LiteralValues(soql, store, nowMillis);
        // One binder for the whole statement, so every semi-join (in WHERE or in a subquery) is loaded up front.
        SemiJoin.Binder semiJoins = new SemiJoin.Binder(store, binder, literals, mode.includesDeleted(), nowMillis,
                new ArrayList<>());

        boolean count = false;
        List<SelectedColumn> columns = new ArrayList<>();
        List<SelectedColumn.Children> subqueries = new ArrayList<>();
        List<AggregateItem> aggregates = new ArrayList<>();
        boolean aggregateQuery = !statement.groupBy().isEmpty()
                || statement.select().stream().anyMatch(i -> i instanceof AggregateItem);
        for (SelectItem item : statement.select()) {
            if (item instanceof AggregateItem a) {
                aggregates.add(a);
                continue;
            }
            if (aggregateQuery && item instanceof FieldItem) {
                // Checked against GROUP BY when the aggregate query is bound.
                continue;
            }
            if (item instanceof CountItem c) {
                if (statement.select().size() > 1) {
                    throw SoqlErrors.malformed(soql, c.offset(), "COUNT() cannot be used with other fields");
                }
                count = true;
            } else if (item instanceof FieldItem f) {
                addField(columns, binder.bind(def, f.path(), f.offset()));
            } else if (item instanceof FieldsItem fields) {
                boolean unbounded = !fields.which().equals("STANDARD");
                if (unbounded && (statement.limit() == null || statement.limit() > 200)) {
                    throw SoqlErrors.malformed(soql, fields.offset(),
                            "The SOQL FIELDS function must have a LIMIT of at most 200");
                }
                // The emulator models standard objects only, so CUSTOM adds nothing and ALL means STANDARD.
                if (!fields.which().equals("CUSTOM")) {
                    for (FieldDef field : def.fields()) {
                        if (field.visibleTo(restrictedUser)) {
                            addField(columns, binder.bind(def, field.name(), fields.offset()));
                        }
                    }
                }
            } else if (item instanceof TypeOfItem typeOf) {
                if (mode.bulk()) {
                    throw new SalesforceError(400, "API_ERROR", "TYPEOF is not supported in Bulk Query");
                }
                columns.add(bindTypeOf(soql, def, typeOf, binder));
            } else if (item instanceof SubqueryItem s) {
                SelectedColumn.Children children = bindSubquery(soql, def, s, binder, literals, semiJoins);
                columns.add(children);
                subqueries.add(children);
            }
        }
        if (aggregateQuery && (!subqueries.isEmpty() || count)) {
            throw SoqlErrors.malformed(soql, statement.fromOffset(), "Aggregate query does not support this select list");
        }
        if (mode.bulk()) {
            refuseForBulk(statement, columns, count || aggregateQuery, subqueries);
        }
        AggregateQuery aggregate = aggregateQuery ? AggregateQuery.bind(soql, table, binder, statement) : null;
        if (statement.offset() != null && statement.offset() > MAX_OFFSET) {
            throw new SalesforceError(400, "NUMBER_OUTSIDE_VALID_RANGE",
                    "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        RowFilter filter = new FilterCompiler(soql, table, binder, literals, semiJoins).compile(statement.where());
        RowOrdering order = statement.orderBy().isEmpty() || aggregate != null ? null
                : RowOrdering.compile(soql, table, binder, statement.orderBy());
        AccessPlan plan = AccessPlan.choose(soql, table, statement, binder, literals);
        boolean includeDeleted = mode.includesDeleted();
        boolean counting = count;
        ChildRecords childRecords = subqueries.isEmpty() ? null
                : new ChildRecords(store, table, subqueries, includeDeleted, nowMillis);
        return new DeferredResult(def.name(), () -> store.read(() -> {
            QueryTimeout.Deadline deadline = timeout.start();
            semiJoins.load(deadline);
            int[] rows = run(table, plan, filter, order, aggregate == null ? statement : statement.withoutPaging(),
                    includeDeleted, nowMillis, deadline);
            if (aggregate != null) {
                return aggregate.run(store, table, rows, deadline);
            }
            if (counting) {
                return new SoqlQueryResult(store, table, List.of(), new int[0], rows.length, true, null, timeout);
            }
            return new SoqlQueryResult(store, table, columns, rows, rows.length, false, childRecords, timeout);
        }));
    }

    private SelectedColumn.TypeOf bindTypeOf(String soql, ObjectDef def, TypeOfItem item, PathBinder binder) {
        FieldDef lookup = def.relationship(item.relationship());
        if (lookup == null || !lookup.polymorphic()) {
            throw SoqlErrors.malformed(soql, item.offset(), "TYPEOF can only be used on a polymorphic relationship; "
                    + item.relationship() + " is not one");
        }
        java.util.Map<String, List<FieldPath>> branches = new java.util.LinkedHashMap<>();
        for (var branch : item.branches().entrySet()) {
            ObjectDef target = store.schema().object(branch.getKey());
            if (target == null || !lookup.referenceTo().contains(target.name())) {
                throw SoqlErrors.malformed(soql, item.offset(), "Invalid sObject type '" + branch.getKey()
                        + "' for relationship " + lookup.relationshipName());
            }
            List<FieldPath> fields = new ArrayList<>();
            for (FieldItem f : branch.getValue()) {
                fields.add(binder.bind(target, f.path(), f.offset()));
            }
            branches.put(target.name(), fields);
        }
        // ELSE sees the Name entity, which every target shares.
        List<FieldPath> otherwise = new ArrayList<>();
        for (FieldItem f : item.otherwise()) {
            otherwise.add(binder.bind(def, lookup.relationshipName() + "." + f.path(), f.offset()));
        }
        return new SelectedColumn.TypeOf(lookup, lookup.relationshipName(), branches, otherwise);
    }

    private static void addField(List<SelectedColumn> columns, FieldPath path) {
        for (SelectedColumn c : columns) {
            if (c instanceof SelectedColumn.Field other && other.path().canonical().equalsIgnoreCase(path.canonical())) {
                throw new SalesforceError(400, "INVALID_FIELD", "duplicate field selected: " + path.canonical());
            }
        }
        columns.add(new SelectedColumn.Field(path));
    }

    private int[] run(ObjectTable table, AccessPlan plan, RowFilter filter, RowOrdering order,
                      SoqlStatement statement, boolean includeDeleted, long nowMillis, QueryTimeout.Deadline deadline) {
        int offset = statement.offset() == null ? 0 : statement.offset();
        long wanted = statement.limit() == null ? Long.MAX_VALUE : (long) offset + statement.limit();
        boolean presorted = order == null || plan.yieldsOrder(statement.orderBy());
        IntBuffer matches = new IntBuffer();
        plan.visit(table, row -> {
            deadline.tick();
            if (!includeDeleted && (table.isDeleted(row) || table.isArchived(row))) {
                return true;
            }
            if (includeDeleted && table.isPurged(row, nowMillis)) {
                return true;
            }
            if (filter.test(row)) {
                matches.add(row);
                return !presorted || matches.size() < wanted;
            }
            return true;
        });
        int[] rows = matches.toArray();
        if (!presorted) {
            order.sort(rows, deadline);
        }
        int from = Math.min(offset, rows.length);
        int to = (int) Math.min(rows.length, wanted);
        return from == 0 && to == rows.length ? rows : Arrays.copyOfRange(rows, from, Math.max(from, to));
    }

    private SelectedColumn.Children bindSubquery(String soql, ObjectDef parent, SubqueryItem s, PathBinder binder,
                                                 LiteralValues literals, SemiJoin.Binder semiJoins) {
        SoqlStatement inner = s.statement();
        ObjectDef.ChildRelationship rel = parent.childRelationship(inner.from());
        if (rel == null) {
            throw SoqlErrors.badRelationship(soql, inner.fromOffset(), inner.from());
        }
        ObjectDef childDef = store.schema().object(rel.childSObject());
        ObjectTable childTable = store.table(childDef);
        List<FieldPath> fields = new ArrayList<>();
        for (SelectItem item : inner.select()) {
            if (!(item instanceof FieldItem f)) {
                throw SoqlErrors.malformed(soql, s.offset(), "unexpected token: 'COUNT'");
            }
            fields.add(binder.bind(childDef, f.path(), f.offset()));
        }
        RowFilter filter = new FilterCompiler(soql, childTable, binder, literals, semiJoins).compile(inner.where());
        RowOrdering order = inner.orderBy().isEmpty() ? null
                : RowOrdering.compile(soql, childTable, binder, inner.orderBy());
        FieldDef parentField = childDef.field(rel.field());
        return new SelectedColumn.Children(rel.relationshipName(), childTable, parentField, fields, filter, order,
                inner.limit());
    }

    /** Bulk 2.0 refuses what it cannot write as flat CSV, with its own messages. */
    private static void refuseForBulk(SoqlStatement statement, List<SelectedColumn> columns, boolean count,
                                      List<SelectedColumn.Children> subqueries) {
        for (SelectedColumn c : columns) {
            if (c instanceof SelectedColumn.Field f) {
                FieldType type = f.path().leafType();
                if (type.isCompound()) {
                    throw new SalesforceError(400, "API_ERROR", "Selecting compound data not supported in Bulk Query");
                }
                if (type == FieldType.BASE64) {
                    throw new SalesforceError(400, "API_ERROR", "Binary field not supported");
                }
            }
        }
        if (!subqueries.isEmpty()) {
            throw new SalesforceError(400, "API_ERROR", "Aggregate Relationships not supported in Bulk Query");
        }
        if (count) {
            throw new SalesforceError(400, "API_ERROR", "Aggregate queries are not supported in Bulk Query");
        }
        if (statement.offset() != null) {
            throw new SalesforceError(400, "API_ERROR", "OFFSET clause is not supported in Bulk Query");
        }
    }

    /** A growable int list without boxing. */
    static final class IntBuffer {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
