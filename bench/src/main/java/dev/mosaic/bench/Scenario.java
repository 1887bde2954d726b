package dev.mosaic.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One benchmark that {@code java -jar mosaic-bench.jar <name> [options]} runs. Adding a scenario is one class
 * implementing this, listed in {@link Scenarios}.
 *
 * <p>Contract: {@link #run} prints its progress and human summary to {@code out} and returns its figures;
 * {@link BenchMain} prints them as the run's last line, so a scenario never prints JSON itself. A run that
 * cannot measure what it should throws (a {@link BenchFailure} when the message says it all). Before
 * returning or throwing, a scenario has stopped every process and thread it started and deleted its temporary
 * files; for Ctrl-C it relies on {@link dev.mosaic.bench.harness.Cleanup}.
 */
public interface Scenario {

    /** The command-line name, lower-case with dashes: {@code graph-load}. */
    String name();

    /** One line for the usage text. */
    String description();

    /** Every option the scenario takes; anything else on the command line is a usage error. */
    List<OptionSpec> options();

    Figures run(ScenarioArguments arguments, PrintStream out) throws Exception;
}
