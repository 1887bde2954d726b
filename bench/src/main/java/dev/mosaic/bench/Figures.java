package dev.mosaic.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario measured, printed by {@link BenchMain} as the run's last line: one JSON object on one line,
 * {@code "scenario"} first and then the figures in the order the scenario put them. Values are numbers,
 * text, booleans, or maps and lists of those.
 */
public final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Map<String, Object> values = new LinkedHashMap<>();

    public Figures(String scenario) {
        values.put("scenario", scenario);
    }

    public Figures put(String key, Object value) {
        if (values.containsKey(key)) {
            throw new IllegalArgumentException("The figure '" + key + "' is already set");
        }
        values.put(key, value);
        return this;
    }

    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** {@code value} rounded half-up to {@code decimals} places, as a number that prints without an exponent. */
    public static BigDecimal round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("A figure must be a finite number, not " + value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    public String jsonLine() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Figures that Jackson cannot write: " + values.keySet(), e);
        }
    }
}
