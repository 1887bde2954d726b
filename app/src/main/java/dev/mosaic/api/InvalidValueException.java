package dev.mosaic.api;

import dev.mosaic.platform.text.StorableText;
import java.util.Map;

/**
 * A request parameter or body field holds a value Mosaic cannot take; answered as a 400 whose details
 * name it ({@code {"parameter":"q"}} or {@code {"field":"title"}}), so a script can point at it.
 */
final class InvalidValueException extends RuntimeException {

    private final Map<String, Object> details;

    private InvalidValueException(String kind, String name, String message) {
        super(message, null, false, false);
        this.details = Map.of(kind, name);
    }

    /** Refuses {@code value} of parameter {@code name} unless it is storable text of at most {@code maxLength}. */
    static String requireStorableParameter(String name, String value, int maxLength) {
        StorableText.problem(value, maxLength).ifPresent(problem -> {
            throw new InvalidValueException("parameter", name, "Parameter '" + name + "' " + problem + ".");
        });
        return value;
    }

    /** Refuses {@code value} of body field {@code name} unless it is storable text of at most {@code maxLength}. */
    static String requireStorableField(String name, String value, int maxLength) {
        StorableText.problem(value, maxLength).ifPresent(problem -> {
            throw new InvalidValueException("field", name, name + " " + problem + ".");
        });
        return value;
    }

    /** Body field {@code name} holds a value that breaks the rule {@code message} states. */
    static InvalidValueException field(String name, String message) {
        return new InvalidValueException("field", name, message);
    }

    Map<String, Object> details() {
        return details;
    }
}
