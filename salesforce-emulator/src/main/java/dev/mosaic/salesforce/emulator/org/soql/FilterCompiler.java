package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.*;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compiles a WHERE tree into a {@link RowFilter} over the queried object's rows. */
final class FilterCompiler {
    private final String soql;
    private final ObjectTable table;
    private final PathBinder binder;
    private final LiteralValues literals;
    private final SemiJoin.Binder semiJoins;

    FilterCompiler(String soql, ObjectTable table, PathBinder binder, LiteralValues literals,
                   SemiJoin.Binder semiJoins) {
        this.soql = soql;
        this.table = table;
        this.binder = binder;
        this.literals = literals;
        this.semiJoins = semiJoins;
    }

    RowFilter compile(Condition condition) {
        if (condition == null) {
            return RowFilter.ALL;
        }
        if (condition instanceof And and) {
            RowFilter[] parts = compileAll(and.terms());
            return row -> {
                for (RowFilter p : parts) {
                    if (!p.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (condition instanceof Or or) {
            RowFilter[] parts = compileAll(or.terms());
            return row -> {
                for (RowFilter p : parts) {
                    if (p.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (condition instanceof Not not) {
            RowFilter inner = compile(not.term());
            return row -> !inner.test(row);
        }
        return comparison((Comparison) condition);
    }

    private RowFilter[] compileAll(List<Condition> terms) {
        RowFilter[] parts = new RowFilter[terms.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = compile(terms.get(i));
        }
        return parts;
    }

    FieldPath bind(Comparison c) {
        ObjectDef def = table.def();
        FieldPath path = binder.bind(def, c.path(), c.offset());
        if (!path.leaf().filterable()) {
            throw SoqlErrors.invalidField(soql, c.offset(),
                    "field '" + path.leaf().name() + "' can not be filtered in a query call");
        }
        return path;
    }

    private RowFilter comparison(Comparison c) {
        FieldPath path = bind(c);
        FieldDef leaf = path.leaf();
        String op = c.operator();
        if (c.semiJoin() != null) {
            if (leaf.storage() != FieldType.Storage.REF) {
                throw SoqlErrors.invalidField(soql, c.offset(), "Invalid field for semi-join: " + leaf.name()
                        + ". The outer field must be an Id or a reference field");
            }
            SemiJoin semiJoin = SemiJoin.bind(soql, c.semiJoin(), semiJoins);
            boolean negate = op.equals("NOT IN");
            return row -> {
                Object v = path.read(table, row);
                boolean in = v != null && semiJoin.keys().contains((Long) v);
                return negate != in;
            };
        }
        switch (op) {
            case "LIKE" -> {
                Literal lit = c.values().get(0);
                if (leaf.storage() != FieldType.Storage.TEXT || lit.kind() != Token.Kind.STRING) {
                    throw SoqlErrors.invalidFilterOperator(soql, c.offset(),
                            "invalid operator on " + leaf.type().apiName() + " field: " + leaf.name());
                }
                LikePattern pattern = LikePattern.compile(lit.text());
                return row -> pattern.matches((String) path.read(table, row));
            }
            case "IN", "NOT IN", "INCLUDES", "EXCLUDES" -> {
                Set<Object> keys = new HashSet<>();
                boolean hasNull = false;
                for (Literal lit : c.values()) {
                    Object value = literals.convert(leaf, lit);
                    if (value == null) {
                        hasNull = true;
                    } else {
                        keys.add(StoredValues.setKey(leaf, value));
                    }
                }
                boolean nullIn = hasNull;
                if (op.equals("INCLUDES") || op.equals("EXCLUDES")) {
                    boolean includes = op.equals("INCLUDES");
                    return row -> {
                        String v = (String) path.read(table, row);
                        boolean any = false;
                        if (v != null) {
                            for (String part : v.split(";")) {
                                if (keys.contains(part.toLowerCase(java.util.Locale.ROOT))) {
                                    any = true;
                                    break;
                                }
                            }
                        }
                        return includes == any;
                    };
                }
                boolean negate = op.equals("NOT IN");
                return row -> {
                    Object v = path.read(table, row);
                    boolean in = v == null ? nullIn : keys.contains(StoredValues.setKey(leaf, v));
                    return negate != in;
                };
            }
            default -> {
                return ordered(path, op, c.values().get(0));
            }
        }
    }

    private RowFilter ordered(FieldPath path, String op, Literal lit) {
        FieldDef leaf = path.leaf();
        long[] range = literals.range(leaf, lit);
        if (range != null) {
            long from = range[0];
            long to = range[1];
            return row -> {
                Object v = path.read(table, row);
                if (v == null) {
                    return op.equals("!=");
                }
                long x = (Long) v;
                return switch (op) {
                    case "=" -> x >= from && x < to;
                    case "!=" -> x < from || x >= to;
                    case "<" -> x < from;
                    case "<=" -> x < to;
                    case ">" -> x >= to;
                    default -> x >= from;
                };
            };
        }
        Object value = literals.convert(leaf, lit);
        if (value == null) {
            return switch (op) {
                case "=" -> row -> path.read(table, row) == null;
                case "!=" -> row -> path.read(table, row) != null;
                default -> row -> false;
            };
        }
        if (leaf.storage() == FieldType.Storage.BOOLEAN && !op.equals("=") && !op.equals("!=")) {
            throw SoqlErrors.invalidFilterOperator(soql, lit.offset(),
                    "invalid operator on boolean field: " + leaf.name());
        }
        Comparator<Object> cmp = StoredValues.comparator(leaf);
        return row -> {
            Object v = path.read(table, row);
            if (v == null) {
                return op.equals("!=");
            }
            return switch (op) {
                case "=" -> StoredValues.equal(leaf, v, value);
                case "!=" -> !StoredValues.equal(leaf, v, value);
                case "<" -> cmp.compare(v, value) < 0;
                case "<=" -> cmp.compare(v, value) <= 0;
                case ">" -> cmp.compare(v, value) > 0;
                default -> cmp.compare(v, value) >= 0;
            };
        };
    }

    /** Top-level AND terms, for the planner to find indexable conditions. */
    static List<Condition> conjuncts(Condition where) {
        List<Condition> out = new ArrayList<>();
        if (where instanceof And and) {
            out.addAll(and.terms());
        } else if (where != null) {
            out.add(where);
        }
        return out;
    }
}
