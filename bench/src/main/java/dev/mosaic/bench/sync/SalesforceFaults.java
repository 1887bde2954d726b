package dev.mosaic.bench.sync;

import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.salesforce.emulator.faults.FaultKind;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code faults}: Salesforce misbehaves throughout the subject's initial load and its incremental round. */
final class SalesforceFaults implements Disturbance {

    private FaultSchedule schedule;

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("fault-every-ms", 400, "mean pause between a fault firing and the next one armed"));
    }

    @Override
    public void prepare(ScenarioArguments arguments, SalesforceEmulator emulator, PrintStream out) {
        schedule = new FaultSchedule(emulator.faults(), arguments.integer("seed") + 3,
                Duration.ofMillis(arguments.positiveInt("fault-every-ms")));
    }

    @Override
    public void disturb(Phase phase, SubjectApp subject, Duration clean) {
        schedule.start();
    }

    @Override
    public void settle() throws InterruptedException {
        schedule.pause();
    }

    @Override
    public void report(Figures figures, PrintStream out) {
        Map<FaultKind, Long> fired = schedule.fired();
        long injected = fired.values().stream().mapToLong(Long::longValue).sum();
        Set<FaultKind> never = EnumSet.allOf(FaultKind.class);
        never.removeAll(fired.keySet());
        out.printf("Faults injected: %d requests hit (%s)%s%n", injected, fired,
                never.isEmpty() ? ", every kind at least once" : "; never hit: " + never);
        figures.put("faultsInjected", injected).put("faultsByKind", fired).put("faultKindsNeverHit", never);
    }
}
