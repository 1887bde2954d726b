package dev.mosaic.salesforce.emulator.org.soql;

import java.util.Locale;

/** One lexical token of a SOQL statement, with its offset for error carets. */
record Token(Kind kind, String text, int offset) {
    enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, LPAREN, RPAREN, COMMA, COLON, OPERATOR, EOF }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How Salesforce quotes the token in "unexpected token" messages. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
