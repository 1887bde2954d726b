package dev.mosaic.salesforce.emulator.org.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens; string literals keep their unescaped value. */
final class SoqlLexer {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2}|[+-]\\d{4})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?|[+-]?\\.\\d+");

    private final String soql;
    private final List<Token> tokens = new ArrayList<>();

    private SoqlLexer(String soql) {
        this.soql = soql;
    }

    static List<Token> tokenize(String soql) {
        SoqlLexer lexer = new SoqlLexer(soql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = string(i);
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Token.Kind.COMMA, ",", i++));
            } else if (c == ':') {
                tokens.add(new Token(Token.Kind.COLON, ":", i++));
            } else if (c == '=' ) {
                tokens.add(new Token(Token.Kind.OPERATOR, "=", i++));
            } else if (c == '!' && i + 1 < n && soql.charAt(i + 1) == '=') {
                tokens.add(new Token(Token.Kind.OPERATOR, "!=", i));
                i += 2;
            } else if (c == '<' || c == '>') {
                String op = String.valueOf(c);
                if (i + 1 < n && (soql.charAt(i + 1) == '=' || c == '<' && soql.charAt(i + 1) == '>')) {
                    op = soql.substring(i, i + 2);
                }
                tokens.add(new Token(Token.Kind.OPERATOR, op, i));
                i += op.length();
            } else if (Character.isDigit(c) || (c == '-' || c == '+' || c == '.') && i + 1 < n
                    && (Character.isDigit(soql.charAt(i + 1)) || soql.charAt(i + 1) == '.')) {
                i = numberOrDate(i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, soql.substring(start, i), start));
            } else {
                throw SoqlErrors.malformed(soql, i, "unexpected token: '" + c + "'");
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", n));
    }

    private int numberOrDate(int start) {
        Matcher m = DATETIME.matcher(soql).region(start, soql.length());
        if (m.lookingAt()) {
            tokens.add(new Token(Token.Kind.DATETIME, m.group(), start));
            return m.end();
        }
        m = DATE.matcher(soql).region(start, soql.length());
        if (m.lookingAt() && (m.end() == soql.length() || !Character.isLetterOrDigit(soql.charAt(m.end())))) {
            tokens.add(new Token(Token.Kind.DATE, m.group(), start));
            return m.end();
        }
        m = NUMBER.matcher(soql).region(start, soql.length());
        if (m.lookingAt()) {
            int end = m.end();
            if (end < soql.length() && Character.isLetter(soql.charAt(end))) {
                int stop = end;
                while (stop < soql.length() && !Character.isWhitespace(soql.charAt(stop))) {
                    stop++;
                }
                throw SoqlErrors.malformed(soql, start, "unexpected token: '" + soql.substring(start, stop) + "'");
            }
            tokens.add(new Token(Token.Kind.NUMBER, m.group(), start));
            return end;
        }
        throw SoqlErrors.malformed(soql, start, "unexpected token: '" + soql.charAt(start) + "'");
    }

    /** A quoted literal with SOQL's escapes: \' \" \\ \n \r \t \b \f \_ \%. */
    private int string(int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                char e = soql.charAt(i + 1);
                switch (e) {
                    case '\'', '"', '\\' -> value.append(e);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    // LIKE wildcards stay escaped; the LIKE matcher reads the backslash.
                    case '_', '%' -> value.append('\\').append(e);
                    case 'u' -> {
                        String hex = i + 6 <= n ? soql.substring(i + 2, i + 6) : "";
                        if (!hex.matches("[0-9A-Fa-f]{4}")) {
                            throw SoqlErrors.malformed(soql, i, "Invalid string literal '"
                                    + soql.substring(start, Math.min(n, i + 6)) + "'. Illegal character sequence '\\u"
                                    + hex + "' in string literal.");
                        }
                        value.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw SoqlErrors.malformed(soql, i,
                            "Invalid string literal '" + soql.substring(start, Math.min(n, i + 2))
                                    + "'. Illegal character sequence '\\" + e + "' in string literal.");
                }
                i += 2;
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw SoqlErrors.malformed(soql, start, "unexpected token: '" + soql.substring(start) + "'");
    }
}
