package dev.mosaic.graph;

import dev.mosaic.platform.text.StorableNumber;
import dev.mosaic.platform.text.StorableText;
import dev.mosaic.platform.text.StorableTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The last check before a record enters the graph, whichever writer sent it: what PostgreSQL and JSON cannot
 * hold (a NUL character, half of a surrogate pair, a number past jsonb's range), what no record needs
 * (megabytes in one field), and an observation from the future, which would win every later update. Writers
 * check their own input first and name the field in their own terms (ingest refuses the same things with
 * tighter limits); this guard makes sure that nothing they missed fails a whole chunk.
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

    /** Why the record cannot be written, or null when it can. */
    String problem(SourceRecordInput input, Instant now) {
        ExternalRef ref = input.ref();
        Optional<String> problem = text("its system", ref.system(), MAX_NAME_CHARS)
                .or(() -> text("its object", ref.object(), MAX_NAME_CHARS))
                .or(() -> text("its external id", ref.externalId(), MAX_NAME_CHARS))
                .or(() -> observation(input.observedAt(), now))
                .or(() -> fields(input.fields()))
                .or(() -> input.url() == null ? Optional.empty() : text("its url", input.url(), MAX_VALUE_CHARS));
        for (LinkInput link : input.links()) {
            problem = problem.or(() -> text("a link's target", link.target().toString(), 3 * MAX_NAME_CHARS + 2))
                    .or(() -> fields(link.attributes()));
        }
        return problem.orElse(null);
    }

    /** Whether a ref can name a stored record: {@link #problem} refuses a record whose ref cannot. */
    static boolean storable(ExternalRef ref) {
        return StorableText.isStorable(ref.system(), MAX_NAME_CHARS) && StorableText.isStorable(ref.object(), MAX_NAME_CHARS)
                && StorableText.isStorable(ref.externalId(), MAX_NAME_CHARS);
    }

    private static Optional<String> observation(Instant observedAt, Instant now) {
        if (observedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("it was observed at " + observedAt + ", in the future (now is " + now + "): a source's clock may run "
                    + "at most " + CLOCK_SKEW.toMinutes() + " minutes ahead");
        }
        return StorableTime.problem(observedAt).map(problem -> "its observation time " + problem);
    }

    private static Optional<String> fields(Map<String, Object> fields) {
        if (fields.size() > MAX_FIELDS) {
            return Optional.of("it has " + fields.size() + " fields; a record may have at most " + MAX_FIELDS);
        }
        long size = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Optional<String> problem = text("a field name", field.getKey(), MAX_NAME_CHARS)
                    .or(() -> value(field.getKey(), field.getValue()));
            if (problem.isPresent()) {
                return problem;
            }
            size += field.getKey().length() + (field.getValue() instanceof String text ? text.length() : 32);
        }
        return size > MAX_RECORD_CHARS
                ? Optional.of("its values hold " + size + " characters; a record may hold at most " + MAX_RECORD_CHARS)
                : Optional.empty();
    }

    private static Optional<String> value(String field, Object value) {
        Optional<String> problem;
        if (value instanceof String text) {
            problem = StorableText.problem(text, MAX_VALUE_CHARS);
        } else if (value instanceof Number number) {
            problem = StorableNumber.problem(number);
        } else if (value == null || value instanceof Boolean) {
            problem = Optional.empty();
        } else if (value instanceof Map<?, ?> parts) {
            problem = parts(parts);
        } else {
            problem = Optional.of("is not text, a number, true/false or named parts of text");
        }
        // The field's name is rendered only for a refusal: building it for every field cost as much as checking it.
        return problem.map(what -> "field '" + StorableText.excerpt(field) + "' " + what);
    }

    /** A value made of named parts of text, as an address is: one level deep, so it is shown and compared whole. */
    private static Optional<String> parts(Map<?, ?> parts) {
        for (Map.Entry<?, ?> part : parts.entrySet()) {
            if (!(part.getKey() instanceof String name) || !(part.getValue() instanceof String text)) {
                return Optional.of("has a part that is not text");
            }
            Optional<String> problem = text("has a part named", name, MAX_NAME_CHARS)
                    .or(() -> StorableText.problem(text, MAX_VALUE_CHARS).map(what -> "has a part " + what));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(String name, String text, int maxChars) {
        return StorableText.problem(text, maxChars).map(problem -> name + " " + problem);
    }
}
