package dev.mosaic.tenant.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the login form: after {@link #PER_ACCOUNT} failures for one account, or
 * {@link #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused until the oldest
 * failure ages out, even with the right password. A success clears the account's failures. Kept in memory per app
 * instance, bounded in size: a restart forgets, which costs an attacker a restart per window.
 */
final class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until this account may try again from this address; zero when it may now. */
    Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        return max(wait("account:" + account, PER_ACCOUNT, now), wait("address:" + address, PER_ADDRESS, now));
    }

    void failed(String account, String address) {
        if (failures.size() > MAX_KEYS) {
            Instant now = clock.instant();
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        record("account:" + account);
        record("address:" + address);
    }

    void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private Duration wait(String key, int allowed, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() < allowed ? Duration.ZERO
                    : Duration.between(now, times.toArray(Instant[]::new)[times.size() - allowed].plus(WINDOW));
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
