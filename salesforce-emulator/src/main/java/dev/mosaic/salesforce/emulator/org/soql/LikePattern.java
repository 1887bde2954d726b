package dev.mosaic.salesforce.emulator.org.soql;

import java.util.regex.Pattern;

/** SOQL LIKE: {@code %} any run, {@code _} one character, backslash escapes, case-insensitive. */
final class LikePattern {
    private final Pattern regex;
    private final String prefix;

    private LikePattern(Pattern regex, String prefix) {
        this.regex = regex;
        this.prefix = prefix;
    }

    static LikePattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean onlyTrailingPercent = true;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                re.append(Pattern.quote(String.valueOf(next)));
                literal.append(next);
            } else if (c == '%') {
                re.append(".*");
                if (i != pattern.length() - 1) {
                    onlyTrailingPercent = false;
                }
            } else if (c == '_') {
                re.append('.');
                onlyTrailingPercent = false;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                literal.append(c);
            }
        }
        String prefix = onlyTrailingPercent && pattern.endsWith("%") ? literal.toString() : null;
        return new LikePattern(Pattern.compile(re.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL), prefix);
    }

    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (prefix != null) {
            // 'abc%' is by far the commonest pattern; avoid the regex engine for it.
            return value.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        return regex.matcher(value).matches();
    }
}
