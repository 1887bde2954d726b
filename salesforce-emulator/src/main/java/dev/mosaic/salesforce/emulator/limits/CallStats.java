package dev.mosaic.salesforce.emulator.limits;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP requests received per endpoint ({@code query}, {@code jobs/query}, {@code oauth2/token}, …), for the control API.
 * Endpoint names come from request paths, so past {@link #MAX_ENDPOINTS} distinct names the rest count under
 * {@code other}: a client requesting random paths cannot grow the map without bound.
 */
public final class CallStats {
    static final int MAX_ENDPOINTS = 200;
    static final String OTHER = "other";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public void count(String endpoint) {
        LongAdder counter = calls.get(endpoint);
        if (counter == null) {
            counter = calls.size() < MAX_ENDPOINTS ? calls.computeIfAbsent(endpoint, key -> new LongAdder())
                    : calls.computeIfAbsent(OTHER, key -> new LongAdder());
        }
        counter.increment();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((endpoint, count) -> copy.put(endpoint, count.sum()));
        return copy;
    }
}
