package dev.mosaic.graph;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** How an entity is named in lists and found by search. */
final class EntityPresentation {

    private static final List<String> SEARCHED_FIELDS =
            List.of("name", "firstName", "lastName", "email", "domain", "website", "title", "company");

    private EntityPresentation() {
    }

    static String displayName(EntityType type, Map<String, Object> values) {
        String name = switch (type) {
            case ORGANIZATION -> first(values, "name", "domain", "website");
            case CONTACT, LEAD, USER -> {
                String person = (text(values, "firstName") + " " + text(values, "lastName")).trim();
                yield person.isEmpty() ? first(values, "name", "email") : person;
            }
            case DEAL -> first(values, "name");
            case INTERACTION -> first(values, "subject", "type");
            case NOTE -> {
                String title = first(values, "title");
                String body = text(values, "body");
                yield title.isEmpty() && body.length() > 60 ? body.substring(0, 60) + "…" : title.isEmpty() ? body : title;
            }
        };
        return name;
    }

    /** Every value any source gave for the searched fields, so an old email or a second name still finds it. */
    static String searchText(Map<String, List<FieldValue>> candidates) {
        Set<String> words = new TreeSet<>();
        for (String field : SEARCHED_FIELDS) {
            for (FieldValue value : candidates.getOrDefault(field, List.of())) {
                words.add(String.valueOf(value.value()).toLowerCase(Locale.ROOT));
            }
        }
        for (FieldValue first : candidates.getOrDefault("firstName", List.of())) {
            for (FieldValue last : candidates.getOrDefault("lastName", List.of())) {
                words.add((first.value() + " " + last.value()).toLowerCase(Locale.ROOT));
            }
        }
        return String.join(" | ", words);
    }

    private static String first(Map<String, Object> values, String... fields) {
        for (String field : fields) {
            String value = text(values, field);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null ? "" : String.valueOf(value).trim();
    }
}
