package dev.mosaic.bench.sync;

import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code crash}: the subject app is killed with SIGKILL at random moments of its initial load and of its incremental
 * round, and started again each time on the same data. The first kill takes its embedded PostgreSQL down with it (as a
 * lost machine would), so the database recovers from its write-ahead log; a third of the others do too. Each kill
 * comes at a random point within the time the clean app needed for the same work, counted from the moment the app is
 * up (again), so it lands while there is work to cut off.
 */
final class CrashKills implements Disturbance {

    private final List<BigDecimal> killedAfterSeconds = new ArrayList<>();
    private int kills;
    private int initialKills;
    private int roundKills;
    private int postgresKills;
    private Random random;
    private PrintStream out;

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("kills", 4, "SIGKILLs of the app: two thirds during the initial load, "
                + "the rest (at least one) during the incremental round"));
    }

    @Override
    public void prepare(ScenarioArguments arguments, SalesforceEmulator emulator, PrintStream out) {
        this.random = new Random(arguments.integer("seed") + 7);
        this.out = out;
        int total = arguments.positiveInt("kills");
        this.roundKills = total == 1 ? 0 : Math.max(1, total / 3);
        this.initialKills = total - roundKills;
    }

    @Override
    public void disturb(Phase phase, SubjectApp subject, Duration clean) throws Exception {
        int planned = phase == Phase.INITIAL_LOAD ? initialKills : roundKills;
        for (int i = 0; i < planned; i++) {
            double after = clean.toMillis() / 1000.0 * (0.1 + 0.8 * random.nextDouble());
            Sleeper.REAL.sleep(Duration.ofMillis((long) (after * 1000)));
            boolean postgresToo = postgresKills == 0 || random.nextInt(3) == 0;
            out.printf("  kill %d (%s, %.1f s into the work%s)%n", kills + 1, phase, after,
                    postgresToo ? ", its PostgreSQL too" : "");
            subject.killAndRestart(postgresToo);
            kills++;
            postgresKills += postgresToo ? 1 : 0;
            killedAfterSeconds.add(Figures.round(after, 2));
        }
    }

    @Override
    public void settle() {
        // Nothing goes on between kills.
    }

    @Override
    public void report(Figures figures, PrintStream out) {
        out.printf("Killed the app %d times (%d of them with its PostgreSQL), each time started again%n", kills, postgresKills);
        figures.put("kills", kills).put("postgresKills", postgresKills).put("killedAfterSeconds", killedAfterSeconds);
    }
}
