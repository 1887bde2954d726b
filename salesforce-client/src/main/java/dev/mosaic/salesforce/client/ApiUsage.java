package dev.mosaic.salesforce.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The org's API calls in its 24-hour window, as the {@code Sforce-Limit-Info} header of each answer says. */
public record ApiUsage(long used, long max) {

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    static Optional<ApiUsage> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher usage = API_USAGE.matcher(header);
        return usage.find() ? Optional.of(new ApiUsage(Long.parseLong(usage.group(1)), Long.parseLong(usage.group(2))))
                : Optional.empty();
    }
}
