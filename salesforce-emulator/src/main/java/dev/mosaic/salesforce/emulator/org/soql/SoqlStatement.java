package dev.mosaic.salesforce.emulator.org.soql;

import java.util.List;

/** The parsed shape of a SOQL statement, before names are checked against the schema. */
record SoqlStatement(List<SelectItem> select, String from, int fromOffset, Condition where,
                     List<OrderItem> orderBy, Integer limit, Integer offset) {

    /** One entry of the SELECT list. */
    sealed interface SelectItem permits FieldItem, CountItem, SubqueryItem {
    }

    /** A field or dotted relationship path, e.g. {@code Account.Owner.Email}. */
    record FieldItem(String path, int offset) implements SelectItem {
    }

    /** {@code COUNT()}. */
    record CountItem(int offset) implements SelectItem {
    }

    /** A parent-to-child subquery, {@code (SELECT … FROM Contacts)}. */
    record SubqueryItem(SoqlStatement statement, int offset) implements SelectItem {
    }

    record OrderItem(String path, int offset, boolean ascending, Boolean nullsFirst) {
    }

    /** A WHERE expression tree. */
    sealed interface Condition permits And, Or, Not, Comparison {
    }

    record And(List<Condition> terms) implements Condition {
    }

    record Or(List<Condition> terms) implements Condition {
    }

    record Not(Condition term) implements Condition {
    }

    /** {@code path op value}; IN and NOT IN carry a list of values. */
    record Comparison(String path, int offset, String operator, List<Literal> values, int valueOffset)
            implements Condition {
    }

    /** A literal as written: its token kind and text (string literals already unescaped). */
    record Literal(Token.Kind kind, String text, int offset, Integer n) {
        boolean isNull() {
            return kind == Token.Kind.IDENT && text.equalsIgnoreCase("null");
        }
    }
}
