package dev.mosaic.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes maps, lists, text, whole numbers, decimals and booleans as exactly the text Jackson writes for them with
 * keys sorted, without Jackson's per-map copy into a {@code TreeMap} and its serializer look-ups. The write path turns
 * every record into JSON three times (its fields, its fingerprint, its golden values), and Jackson spent more time on
 * that than the rest of a chunk's preparation. Anything else (dates, floating-point numbers, beans) is handed to
 * Jackson, so the text stays the same whatever a value is: stored fingerprints depend on it.
 */
final class CanonicalJsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Per ASCII character: 0 written as is, a letter for its short escape, 'u' for a {@code \\u00XX} escape. */
    private static final char[] ESCAPES = new char[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private final ObjectMapper fallback;
    private final StringBuilder out = new StringBuilder(256);

    CanonicalJsonWriter(ObjectMapper fallback) {
        this.fallback = fallback;
    }

    String write(Object value) throws JsonProcessingException {
        value(value);
        return out.toString();
    }

    private void value(Object value) throws JsonProcessingException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Map<?, ?> map) {
            map(map);
        } else if (value instanceof Collection<?> items) {
            array(items);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else {
            out.append(fallback.writeValueAsString(value));
        }
    }

    private void map(Map<?, ?> map) throws JsonProcessingException {
        Object[] keys = map.keySet().toArray();
        for (Object key : keys) {
            if (!(key instanceof String)) {
                // Jackson's own key rules (numbers, enums, nulls) are not worth repeating: no stored document has them.
                out.append(fallback.writeValueAsString(map));
                return;
            }
        }
        if (!(map instanceof SortedMap<?, ?>)) {
            // Jackson keeps a sorted map's own order, and sorts any other by the keys' natural order.
            Arrays.sort(keys);
        }
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string((String) keys[i]);
            out.append(':');
            value(map.get(keys[i]));
        }
        out.append('}');
    }

    private void array(Collection<?> items) throws JsonProcessingException {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(item);
        }
        out.append(']');
    }

    private void string(String text) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || ESCAPES[c] == 0) {
                continue;
            }
            out.append(text, plainFrom, i).append('\\');
            char escape = ESCAPES[c];
            if (escape == 'u') {
                out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append(escape);
            }
            plainFrom = i + 1;
        }
        out.append(text, plainFrom, text.length()).append('"');
    }
}
