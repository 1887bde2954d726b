package dev.mosaic.web;

import java.time.Duration;
import java.time.Instant;

/** Times as people say them: "3 minutes ago", "about 2 hours". */
final class Ago {

    private Ago() {
    }

    static String of(Instant then, Instant now, String whenNever) {
        if (then == null) {
            return whenNever;
        }
        Duration since = Duration.between(then, now);
        return since.getSeconds() < 10 ? "just now" : duration(since) + " ago";
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return "about " + plural(seconds / 3600, "hour");
        }
        return plural(seconds / 86_400, "day");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
