package dev.mosaic.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar bench/target/mosaic-bench.jar <scenario> [options]}. Exit codes: 0 measured (the last line
 * of standard output is the figures' JSON), 1 the run failed (the reason on standard error, no JSON line),
 * 2 a usage error (unknown scenario or option, a malformed value).
 */
public final class BenchMain {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private BenchMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty()) {
            err.println("Say which scenario to run.");
            err.print(usage());
            return USAGE;
        }
        String name = arguments.get(0);
        if (isHelp(name)) {
            out.print(usage());
            return OK;
        }
        Optional<Scenario> found = Scenarios.named(name);
        if (found.isEmpty()) {
            err.println("Unknown scenario '" + name + "'.");
            err.print(usage());
            return USAGE;
        }
        Scenario scenario = found.get();
        List<String> options = arguments.subList(1, arguments.size());
        if (options.stream().anyMatch(BenchMain::isHelp)) {
            out.print(usage(scenario));
            return OK;
        }
        ScenarioArguments parsed;
        try {
            parsed = ScenarioArguments.parse(scenario.name(), scenario.options(), options);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(usage(scenario));
            return USAGE;
        }
        try {
            Figures figures = scenario.run(parsed, out);
            out.println(figures.jsonLine());
            return OK;
        } catch (UsageException e) {
            // Options that are well-formed alone but not together, or a file that is not there.
            err.println(e.getMessage());
            err.print(usage(scenario));
            return USAGE;
        } catch (BenchFailure e) {
            err.println(scenario.name() + " failed: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println(scenario.name() + " failed with an unexpected error:");
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }

    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar bench/target/mosaic-bench.jar <scenario> [options]\n")
                .append("Each scenario prints a summary and, as its last line, one JSON object of figures.\n")
                .append("Scenarios:\n");
        for (Scenario scenario : Scenarios.all()) {
            text.append(String.format("  %-16s %s%n", scenario.name(), scenario.description()));
        }
        return text.append("Options of one scenario: java -jar bench/target/mosaic-bench.jar <scenario> --help\n").toString();
    }

    static String usage(Scenario scenario) {
        StringBuilder text = new StringBuilder("Usage: java -jar bench/target/mosaic-bench.jar ")
                .append(scenario.name()).append(" [options]\n  ").append(scenario.description()).append('\n');
        if (scenario.options().isEmpty()) {
            return text.append("No options.\n").toString();
        }
        text.append("Options:\n");
        scenario.options().forEach(option -> text.append(option.usage()).append('\n'));
        return text.toString();
    }
}
