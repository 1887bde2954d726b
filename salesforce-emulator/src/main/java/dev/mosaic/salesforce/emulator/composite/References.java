package dev.mosaic.salesforce.emulator.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves composite references such as {@code @{NewAccount.id}} or {@code @{Contacts.records[0].Id}}
 * against the bodies of earlier subresponses.
 */
final class References {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+(?:\\[\\d+])*)+)}");
    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_]+)((?:\\[\\d+])*)");

    /** A reference that cannot be resolved: the referenced subrequest is unknown, failed, or lacks the path. */
    static final class Unresolved extends RuntimeException {
        final String reference;

        Unresolved(String reference) {
            super(reference, null, false, false);
            this.reference = reference;
        }
    }

    private final Map<String, Object> bodies = new LinkedHashMap<>();

    void remember(String referenceId, Object body) {
        bodies.put(referenceId, body);
    }

    String resolveText(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value(m.group(1), m.group(2)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Walks a JSON body; a string that is exactly one reference takes the referenced value with its JSON type. */
    Object resolveJson(Object node) {
        if (node instanceof String s) {
            Matcher whole = REFERENCE.matcher(s);
            if (whole.matches()) {
                return value(whole.group(1), whole.group(2));
            }
            return resolveText(s);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolveJson(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolveJson(v)));
            return out;
        }
        return node;
    }

    private Object value(String referenceId, String path) {
        String reference = referenceId + path;
        if (!bodies.containsKey(referenceId)) {
            throw new Unresolved(reference);
        }
        Object current = bodies.get(referenceId);
        for (String step : path.substring(1).split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                throw new Unresolved(reference);
            }
            current = field(current, m.group(1)).orElseThrow(() -> new Unresolved(reference));
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (index.find()) {
                int i = Integer.parseInt(index.group(1));
                if (!(current instanceof List<?> list) || i >= list.size()) {
                    throw new Unresolved(reference);
                }
                current = list.get(i);
            }
        }
        if (current == null) {
            throw new Unresolved(reference);
        }
        return current;
    }

    private static Optional<Object> field(Object node, String name) {
        if (node instanceof Map<?, ?> map && map.containsKey(name)) {
            return Optional.ofNullable(map.get(name));
        }
        return Optional.empty();
    }
}
