package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.*;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for the SOQL subset the emulator serves. */
final class SoqlParser {
    private final String soql;
    /**
     * How deeply NOT and parentheses may nest. Salesforce documents no figure; the cap keeps a pathological
     * query (a Bulk job or composite body has no URI limit) a MALFORMED_QUERY instead of a stack overflow.
     */
    static final int MAX_NESTING = 100;

    private final List<Token> tokens;
    private int pos;
    private int nesting;
    private boolean inSemiJoin;

    private SoqlParser(String soql) {
        this.soql = soql;
        this.tokens = SoqlLexer.tokenize(soql);
    }

    static SoqlStatement parse(String soql) {
        SoqlParser parser = new SoqlParser(soql);
        SoqlStatement statement = parser.statement(false);
        parser.expectEnd();
        return statement;
    }

    private SoqlStatement statement(boolean subquery) {
        expectKeyword("SELECT");
        List<SelectItem> select = new ArrayList<>();
        do {
            select.add(selectItem(subquery));
        } while (acceptComma());
        expectKeyword("FROM");
        Token from = next();
        if (from.kind() != Token.Kind.IDENT || isReserved(from)) {
            throw unexpected(from);
        }
        Condition where = null;
        if (peek().isKeyword("WHERE")) {
            next();
            where = orCondition();
        }
        List<FieldItem> groupBy = new ArrayList<>();
        if (peek().isKeyword("GROUP")) {
            next();
            expectKeyword("BY");
            do {
                Token field = next();
                if (field.kind() != Token.Kind.IDENT || isReserved(field)) {
                    throw unexpected(field);
                }
                groupBy.add(new FieldItem(field.text(), field.offset()));
            } while (acceptComma());
        }
        List<OrderItem> orderBy = new ArrayList<>();
        if (peek().isKeyword("ORDER")) {
            next();
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (acceptComma());
        }
        Integer limit = null;
        Integer offset = null;
        if (peek().isKeyword("LIMIT")) {
            next();
            limit = nonNegativeInt();
        }
        if (peek().isKeyword("OFFSET")) {
            next();
            offset = nonNegativeInt();
        }
        return new SoqlStatement(List.copyOf(select), from.text(), from.offset(), where, List.copyOf(groupBy),
                List.copyOf(orderBy), limit, offset);
    }

    private SelectItem selectItem(boolean subquery) {
        Token t = next();
        if (t.kind() == Token.Kind.LPAREN && !subquery) {
            SoqlStatement inner = statement(true);
            expect(Token.Kind.RPAREN);
            return new SubqueryItem(inner, t.offset());
        }
        if (t.kind() != Token.Kind.IDENT || isReserved(t)) {
            throw unexpected(t);
        }
        if (t.isKeyword("COUNT") && peek().kind() == Token.Kind.LPAREN && tokens.get(pos + 1).kind() == Token.Kind.RPAREN) {
            next();
            next();
            return new CountItem(t.offset());
        }
        if (t.isKeyword("TYPEOF") && peek().kind() == Token.Kind.IDENT && !subquery) {
            return typeOf(t);
        }
        if (t.isKeyword("FIELDS") && peek().kind() == Token.Kind.LPAREN) {
            next();
            Token which = next();
            if (!which.isKeyword("ALL") && !which.isKeyword("STANDARD") && !which.isKeyword("CUSTOM")) {
                throw unexpected(which);
            }
            expect(Token.Kind.RPAREN);
            return new FieldsItem(which.upper(), t.offset());
        }
        if (AGGREGATES.contains(t.upper()) && peek().kind() == Token.Kind.LPAREN) {
            next();
            Token field = next();
            if (field.kind() != Token.Kind.IDENT || isReserved(field)) {
                throw unexpected(field);
            }
            expect(Token.Kind.RPAREN);
            String alias = null;
            if (peek().kind() == Token.Kind.IDENT && !isReserved(peek())) {
                alias = next().text();
            }
            return new AggregateItem(t.upper(), field.text(), t.offset(), field.offset(), alias);
        }
        return new FieldItem(t.text(), t.offset());
    }

    private TypeOfItem typeOf(Token typeOf) {
        Token relationship = next();
        java.util.Map<String, List<FieldItem>> branches = new java.util.LinkedHashMap<>();
        List<FieldItem> otherwise = List.of();
        if (!peek().isKeyword("WHEN")) {
            throw unexpected(peek());
        }
        while (peek().isKeyword("WHEN")) {
            next();
            Token object = next();
            if (object.kind() != Token.Kind.IDENT || isReserved(object)) {
                throw unexpected(object);
            }
            expectKeyword("THEN");
            branches.put(object.text(), typeOfFields());
        }
        if (peek().isKeyword("ELSE")) {
            next();
            otherwise = typeOfFields();
        }
        expectKeyword("END");
        return new TypeOfItem(relationship.text(), typeOf.offset(), branches, otherwise);
    }

    private List<FieldItem> typeOfFields() {
        List<FieldItem> fields = new ArrayList<>();
        do {
            Token field = next();
            if (field.kind() != Token.Kind.IDENT || isReserved(field) || field.isKeyword("END")) {
                throw unexpected(field);
            }
            fields.add(new FieldItem(field.text(), field.offset()));
        } while (acceptComma());
        return fields;
    }

    private OrderItem orderItem() {
        Token field = next();
        if (field.kind() != Token.Kind.IDENT || isReserved(field)) {
            throw unexpected(field);
        }
        boolean ascending = true;
        if (peek().isKeyword("ASC")) {
            next();
        } else if (peek().isKeyword("DESC")) {
            next();
            ascending = false;
        }
        Boolean nullsFirst = null;
        if (peek().isKeyword("NULLS")) {
            next();
            Token which = next();
            if (which.isKeyword("FIRST")) {
                nullsFirst = true;
            } else if (which.isKeyword("LAST")) {
                nullsFirst = false;
            } else {
                throw unexpected(which);
            }
        }
        return new OrderItem(field.text(), field.offset(), ascending, nullsFirst);
    }

    /**
     * One level of AND or OR terms. SOQL, unlike SQL, has no precedence between them: mixing both at
     * one level without parentheses is a syntax error.
     */
    private Condition orCondition() {
        List<Condition> terms = new ArrayList<>();
        terms.add(notCondition());
        String connector = null;
        while (peek().isKeyword("AND") || peek().isKeyword("OR")) {
            Token t = peek();
            if (connector != null && !t.isKeyword(connector)) {
                throw unexpected(t);
            }
            connector = t.upper();
            next();
            terms.add(notCondition());
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return "AND".equals(connector) ? new And(List.copyOf(terms)) : new Or(List.copyOf(terms));
    }

    private Condition notCondition() {
        boolean not = peek().isKeyword("NOT");
        if (!not && peek().kind() != Token.Kind.LPAREN) {
            return comparison();
        }
        Token opening = next();
        if (++nesting > MAX_NESTING) {
            throw SoqlErrors.malformed(soql, opening.offset(),
                    "conditions are nested more than " + MAX_NESTING + " levels deep");
        }
        Condition result;
        if (not) {
            result = new Not(notCondition());
        } else {
            result = orCondition();
            expect(Token.Kind.RPAREN);
        }
        nesting--;
        return result;
    }

    private Comparison comparison() {
        Token field = next();
        if (field.kind() != Token.Kind.IDENT || isReserved(field)) {
            throw unexpected(field);
        }
        Token op = next();
        String operator;
        if (op.kind() == Token.Kind.OPERATOR) {
            operator = op.text().equals("<>") ? "!=" : op.text();
        } else if (op.isKeyword("LIKE")) {
            operator = "LIKE";
        } else if (op.isKeyword("IN")) {
            operator = "IN";
        } else if (op.isKeyword("NOT") && peek().isKeyword("IN")) {
            next();
            operator = "NOT IN";
        } else if (op.isKeyword("INCLUDES") || op.isKeyword("EXCLUDES")) {
            operator = op.upper();
        } else {
            throw unexpected(op);
        }
        int valueOffset = peek().offset();
        List<Literal> values = new ArrayList<>();
        if (operator.equals("IN") || operator.equals("NOT IN") || operator.equals("INCLUDES")
                || operator.equals("EXCLUDES")) {
            expect(Token.Kind.LPAREN);
            if (peek().isKeyword("SELECT") && (operator.equals("IN") || operator.equals("NOT IN"))) {
                if (inSemiJoin) {
                    // SOQL: a semi-join or anti-join cannot be nested in another.
                    throw SoqlErrors.malformed(soql, peek().offset(), "Nesting of semi join sub-selects is not supported");
                }
                inSemiJoin = true;
                SoqlStatement semiJoin = statement(true);
                inSemiJoin = false;
                expect(Token.Kind.RPAREN);
                return new Comparison(field.text(), field.offset(), operator, List.of(), valueOffset, semiJoin);
            }
            do {
                values.add(literal());
            } while (acceptComma());
            expect(Token.Kind.RPAREN);
        } else {
            values.add(literal());
        }
        return new Comparison(field.text(), field.offset(), operator, List.copyOf(values), valueOffset, null);
    }

    private Literal literal() {
        Token t = next();
        switch (t.kind()) {
            case STRING, NUMBER, DATE, DATETIME -> {
                return new Literal(t.kind(), t.text(), t.offset(), null);
            }
            case IDENT -> {
                if (peek().kind() == Token.Kind.COLON) {
                    next();
                    Token n = next();
                    if (n.kind() != Token.Kind.NUMBER || n.text().contains(".") || n.text().startsWith("-")) {
                        throw unexpected(n);
                    }
                    try {
                        return new Literal(Token.Kind.IDENT, t.text(), t.offset(), Integer.parseInt(n.text()));
                    } catch (NumberFormatException tooLarge) {
                        throw unexpected(n);
                    }
                }
                if (isReserved(t) && !t.isKeyword("NULL") && !t.isKeyword("TRUE") && !t.isKeyword("FALSE")) {
                    throw unexpected(t);
                }
                return new Literal(Token.Kind.IDENT, t.text(), t.offset(), null);
            }
            default -> throw unexpected(t);
        }
    }

    private int nonNegativeInt() {
        Token t = next();
        if (t.kind() != Token.Kind.NUMBER || t.text().contains(".") || t.text().startsWith("-")) {
            throw unexpected(t);
        }
        try {
            return Integer.parseInt(t.text().startsWith("+") ? t.text().substring(1) : t.text());
        } catch (NumberFormatException e) {
            throw unexpected(t);
        }
    }

    private static final List<String> AGGREGATES = List.of("COUNT", "COUNT_DISTINCT", "MIN", "MAX", "SUM", "AVG");

    private static final List<String> RESERVED = List.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "LIMIT",
            "OFFSET", "AND", "OR", "NOT", "IN", "LIKE", "ASC", "DESC", "NULLS", "GROUP", "HAVING", "WHEN", "THEN",
            "ELSE", "END");

    private static boolean isReserved(Token t) {
        return t.kind() == Token.Kind.IDENT && RESERVED.contains(t.upper());
    }

    private boolean acceptComma() {
        if (peek().kind() == Token.Kind.COMMA) {
            next();
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        Token t = next();
        if (!t.isKeyword(keyword)) {
            throw unexpected(t);
        }
    }

    private void expect(Token.Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != Token.Kind.EOF) {
            throw unexpected(t);
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    private RuntimeException unexpected(Token t) {
        return SoqlErrors.malformed(soql, t.offset(), "unexpected token: '" + t.display() + "'");
    }
}
