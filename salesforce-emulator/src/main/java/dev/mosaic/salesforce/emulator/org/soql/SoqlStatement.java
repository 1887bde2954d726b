package dev.mosaic.salesforce.emulator.org.soql;

import java.util.List;

/** The parsed shape of a SOQL statement, before names are checked against the schema. */
record SoqlStatement(List<SelectItem> select, String from, int fromOffset, Condition where,
                     List<FieldItem> groupBy, List<OrderItem> orderBy, Integer limit, Integer offset) {

    /** The same statement over all matching rows: LIMIT and OFFSET count aggregate rows, not input rows. */
    SoqlStatement withoutPaging() {
        return new SoqlStatement(select, from, fromOffset, where, groupBy, orderBy, null, null);
    }

    /** One entry of the SELECT list. */
    sealed interface SelectItem permits FieldItem, FieldsItem, CountItem, AggregateItem, SubqueryItem, TypeOfItem {
    }

    /** A field or dotted relationship path, e.g. {@code Account.Owner.Email}. */
    record FieldItem(String path, int offset) implements SelectItem {
    }

    /** {@code FIELDS(ALL)}, {@code FIELDS(STANDARD)} or {@code FIELDS(CUSTOM)}. */
    record FieldsItem(String which, int offset) implements SelectItem {
    }

    /**
     * {@code TYPEOF What WHEN Account THEN Phone WHEN Opportunity THEN Amount ELSE Name END}: fields of a
     * polymorphic parent chosen by the parent's object.
     */
    record TypeOfItem(String relationship, int offset, java.util.Map<String, List<FieldItem>> branches,
                      List<FieldItem> otherwise) implements SelectItem {
    }

    /** {@code COUNT()}. */
    record CountItem(int offset) implements SelectItem {
    }

    /** An aggregate over the matching rows without GROUP BY: {@code MAX(SystemModstamp) latest}. */
    record AggregateItem(String function, String path, int offset, int pathOffset, String alias)
            implements SelectItem {
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

    /**
     * {@code path op value}; IN and NOT IN carry a list of values, or a semi-join subquery
     * ({@code AccountId IN (SELECT Id FROM Account WHERE …)}) instead.
     */
    record Comparison(String path, int offset, String operator, List<Literal> values, int valueOffset,
                      SoqlStatement semiJoin) implements Condition {
    }

    /** A literal as written: its token kind and text (string literals already unescaped). */
    record Literal(Token.Kind kind, String text, int offset, Integer n) {
        boolean isNull() {
            return kind == Token.Kind.IDENT && text.equalsIgnoreCase("null");
        }
    }
}
