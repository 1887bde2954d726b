package dev.mosaic.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scenario's options, read from {@code --name value}, {@code --name=value} or {@code --flag}, checked against
 * its {@link OptionSpec}s: an unknown option, a missing value or a malformed number is a {@link UsageException}.
 */
public final class ScenarioArguments {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,3}(?:[_,]?\\d{3})*|-?\\d+");

    private final String scenario;
    private final Map<String, OptionSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private ScenarioArguments(String scenario, List<OptionSpec> options) {
        this.scenario = scenario;
        options.forEach(option -> specs.put(option.name(), option));
        options.forEach(option -> {
            if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        });
    }

    public static ScenarioArguments parse(String scenario, List<OptionSpec> options, List<String> args) {
        ScenarioArguments parsed = new ScenarioArguments(scenario, options);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("Unexpected argument '" + arg + "' for " + scenario + "; options look like --records 20000");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            OptionSpec spec = parsed.specs.get(name);
            if (spec == null) {
                throw new UsageException("Unknown option --" + name + " for " + scenario + "; it takes "
                        + (parsed.specs.isEmpty() ? "no options" : String.join(", ", parsed.specs.keySet().stream()
                        .map(known -> "--" + known).toList())));
            }
            if (spec.kind() == OptionSpec.Kind.FLAG) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.values.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value: " + spec.description());
                }
                value = args.get(++i);
            }
            parsed.check(spec, value);
            parsed.values.put(name, value);
        }
        return parsed;
    }

    public long positive(String name) {
        return number(name, OptionSpec.Kind.POSITIVE);
    }

    public int positiveInt(String name) {
        long value = positive(name);
        if (value > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " must be at most " + Integer.MAX_VALUE + ", not " + value);
        }
        return (int) value;
    }

    public long integer(String name) {
        return number(name, OptionSpec.Kind.INTEGER);
    }

    public Optional<String> text(String name) {
        spec(name, OptionSpec.Kind.TEXT);
        return Optional.ofNullable(values.get(name));
    }

    public boolean flag(String name) {
        spec(name, OptionSpec.Kind.FLAG);
        return values.containsKey(name);
    }

    private long number(String name, OptionSpec.Kind kind) {
        spec(name, kind);
        return parseNumber(values.get(name));
    }

    private void spec(String name, OptionSpec.Kind kind) {
        OptionSpec spec = specs.get(name);
        if (spec == null || spec.kind() != kind) {
            // A scenario reading an option it did not declare is a bug in the scenario, not a usage error.
            throw new IllegalArgumentException(scenario + " reads --" + name + " as " + kind + " but declares "
                    + (spec == null ? "no such option" : spec.kind()));
        }
    }

    private void check(OptionSpec spec, String value) {
        switch (spec.kind()) {
            case POSITIVE, INTEGER -> {
                if (!WHOLE_NUMBER.matcher(value).matches()) {
                    throw new UsageException("--" + spec.name() + " must be a whole number like 20000, not '" + value + "'");
                }
                long number;
                try {
                    number = parseNumber(value);
                } catch (NumberFormatException e) {
                    throw new UsageException("--" + spec.name() + " is too large: '" + value + "'");
                }
                if (spec.kind() == OptionSpec.Kind.POSITIVE && number < 1) {
                    throw new UsageException("--" + spec.name() + " must be at least 1, not " + value);
                }
            }
            case TEXT -> {
                if (value.isBlank()) {
                    throw new UsageException("--" + spec.name() + " needs a value: " + spec.description());
                }
            }
            case FLAG -> {
            }
        }
    }

    private static long parseNumber(String value) {
        return Long.parseLong(value.replace("_", "").replace(",", ""));
    }
}
