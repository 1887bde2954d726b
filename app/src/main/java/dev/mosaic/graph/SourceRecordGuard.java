package dev.mosaic.graph;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The last check before a record enters the graph, whichever writer sent it: what PostgreSQL and JSON cannot
 * hold (a NUL character, half of a surrogate pair, a number past jsonb's range, a time past timestamptz's),
 * what no record needs (megabytes in one field), and an observation from the future, which would win every
 * later update. Writers check their own input first and name the field in their own terms; this guard makes
 * sure that nothing they missed fails a whole chunk.
 */
@Component
class SourceRecordGuard {

    /** How far a source's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Salesforce's long text areas hold up to 131,072 characters; nothing a source sends needs more. */
    static final int MAX_VALUE_CHARS = 131_072;
    static final int MAX_FIELDS = 500;
    static final int MAX_NAME_CHARS = 255;
    static final int MAX_RECORD_CHARS = 1_048_576;
    private static final int MAX_NUMBER_DIGITS = 1000;
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

    /** Why the record cannot be written, or null when it can. */
    String problem(SourceRecordInput input, Instant now) {
        ExternalRef ref = input.ref();
        for (String part : new String[] {ref.system(), ref.object(), ref.externalId()}) {
            String wrong = textProblem(part, MAX_NAME_CHARS);
            if (wrong != null) {
                return "the external reference " + wrong;
            }
        }
        if (input.observedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return "it was observed at " + input.observedAt() + ", in the future: a source's clock may run at most "
                    + CLOCK_SKEW.toMinutes() + " minutes ahead";
        }
        if (input.observedAt().isBefore(EARLIEST)) {
            return "it was observed at " + input.observedAt() + ", before the year 1000";
        }
        if (input.fields().size() > MAX_FIELDS) {
            return "it has " + input.fields().size() + " fields; a record may have at most " + MAX_FIELDS;
        }
        long size = 0;
        for (Map.Entry<String, Object> field : input.fields().entrySet()) {
            String wrong = textProblem(field.getKey(), MAX_NAME_CHARS);
            if (wrong != null) {
                return "a field name " + wrong;
            }
            wrong = valueProblem(field.getValue());
            if (wrong != null) {
                return "field '" + field.getKey() + "' " + wrong;
            }
            size += field.getKey().length() + String.valueOf(field.getValue()).length();
        }
        if (size > MAX_RECORD_CHARS) {
            return "its values hold " + size + " characters; a record may hold at most " + MAX_RECORD_CHARS;
        }
        for (LinkInput link : input.links()) {
            String wrong = textProblem(link.target().externalId(), MAX_NAME_CHARS);
            if (wrong == null) {
                wrong = textProblem(link.target().object(), MAX_NAME_CHARS);
            }
            if (wrong != null) {
                return "a link's target " + wrong;
            }
            for (Map.Entry<String, Object> attribute : link.attributes().entrySet()) {
                wrong = textProblem(attribute.getKey(), MAX_NAME_CHARS);
                if (wrong == null) {
                    wrong = valueProblem(attribute.getValue());
                }
                if (wrong != null) {
                    return "a link attribute " + wrong;
                }
            }
        }
        return input.url() == null ? null : prefixed("its url ", textProblem(input.url(), 4096));
    }

    private static String valueProblem(Object value) {
        if (value instanceof String text) {
            return textProblem(text, MAX_VALUE_CHARS);
        }
        if (value instanceof BigDecimal number) {
            return number.precision() - number.scale() > MAX_NUMBER_DIGITS || number.scale() > MAX_NUMBER_DIGITS
                    ? "is a number out of range" : null;
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue()) ? null : "is not a finite number";
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return null;
        }
        return "is not text, a number or true/false";
    }

    /** PostgreSQL text and jsonb hold neither NUL nor lone surrogates (which UTF-8 cannot encode). */
    static String textProblem(String text, int maxChars) {
        if (text.length() > maxChars) {
            return "is longer than " + maxChars + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a UTF-16 surrogate pair, which is not a character";
            }
        }
        return null;
    }

    private static String prefixed(String prefix, String problem) {
        return problem == null ? null : prefix + problem;
    }
}
