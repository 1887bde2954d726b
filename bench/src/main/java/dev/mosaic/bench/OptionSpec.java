package dev.mosaic.bench;

/**
 * One {@code --name value} option of a scenario. {@code defaultValue} is the text form used when the option is
 * absent ({@code null}: no default, the option is optional and absent).
 */
public record OptionSpec(String name, Kind kind, String defaultValue, String description) {

    public enum Kind {
        /** A whole number of at least 1; {@code 1_000_000} and {@code 1,000,000} are accepted. */
        POSITIVE,
        /** Any whole number (a seed). */
        INTEGER,
        TEXT,
        /** Present or absent; takes no value. */
        FLAG
    }

    public static OptionSpec positive(String name, long defaultValue, String description) {
        return new OptionSpec(name, Kind.POSITIVE, Long.toString(defaultValue), description);
    }

    public static OptionSpec integer(String name, long defaultValue, String description) {
        return new OptionSpec(name, Kind.INTEGER, Long.toString(defaultValue), description);
    }

    public static OptionSpec text(String name, String defaultValue, String description) {
        return new OptionSpec(name, Kind.TEXT, defaultValue, description);
    }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, Kind.FLAG, null, description);
    }

    String usage() {
        String value = switch (kind) {
            case POSITIVE, INTEGER -> " N";
            case TEXT -> " VALUE";
            case FLAG -> "";
        };
        String shownDefault = defaultValue == null ? "" : " (default " + defaultValue + ")";
        return String.format("  --%-26s %s%s", name + value, description, shownDefault);
    }
}
