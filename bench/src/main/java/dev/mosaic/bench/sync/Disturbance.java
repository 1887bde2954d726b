package dev.mosaic.bench.sync;

import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** What goes wrong while the subject app syncs, in {@link DisturbedSyncScenario}: faults of Salesforce, or crashes. */
interface Disturbance {

    /** The two kinds of work a sync does: the initial load of the org, and a round that reads what changed since. */
    enum Phase { INITIAL_LOAD, INCREMENTAL_ROUND }

    List<OptionSpec> options();

    void prepare(ScenarioArguments arguments, SalesforceEmulator emulator, PrintStream out);

    /**
     * The subject has just been asked for the work of {@code phase}; disturb it, returning once the disturbance no
     * longer needs this thread (faults go on in the background until {@link #settle()}).
     *
     * @param clean how long the clean app took for the same work, to aim disturbances inside it
     */
    void disturb(Phase phase, SubjectApp subject, Duration clean) throws Exception;

    /** Stops disturbing: what follows runs clean. */
    void settle() throws Exception;

    /** Adds what was done to the figures and the summary. */
    void report(Figures figures, PrintStream out);
}
