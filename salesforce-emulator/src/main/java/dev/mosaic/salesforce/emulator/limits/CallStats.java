package dev.mosaic.salesforce.emulator.limits;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** HTTP requests received per endpoint ({@code query}, {@code jobs/query}, {@code oauth2/token}, …), for the control API. */
public final class CallStats {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public void count(String endpoint) {
        calls.computeIfAbsent(endpoint, key -> new LongAdder()).increment();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((endpoint, count) -> copy.put(endpoint, count.sum()));
        return copy;
    }
}
