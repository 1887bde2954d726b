package dev.mosaic.salesforce.emulator.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The API versions the emulated org serves, from v31.0 (Summer '14) up to v62.0 (Winter '25). */
public final class ApiVersions {
    public static final int OLDEST = 31;
    public static final int NEWEST = 62;
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d{2}\\.0");
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    private ApiVersions() {
    }

    public static boolean isVersionSegment(String segment) {
        return VERSION_SEGMENT.matcher(segment).matches();
    }

    /** @param version without the {@code v}, e.g. {@code 59.0} */
    public static boolean isSupported(String version) {
        if (!isVersionSegment("v" + version)) {
            return false;
        }
        int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        return major >= OLDEST && major <= NEWEST;
    }

    /** {@code GET /services/data/}: oldest first, as Salesforce lists them. */
    public static List<Map<String, Object>> list() {
        List<Map<String, Object>> versions = new ArrayList<>();
        for (int major = OLDEST; major <= NEWEST; major++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", label(major));
            entry.put("url", "/services/data/v" + major + ".0");
            entry.put("version", major + ".0");
            versions.add(entry);
        }
        return versions;
    }

    /** Three releases a year since v20.0 = Winter '11; a Winter release carries the next year's name. */
    static String label(int major) {
        int sinceWinter11 = major - 20;
        int year = 11 + sinceWinter11 / 3;
        return SEASONS[sinceWinter11 % 3] + " '" + String.format("%02d", year);
    }
}
