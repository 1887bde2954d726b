package dev.mosaic.bench.sync;

import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.faults.FaultKind;
import dev.mosaic.salesforce.emulator.faults.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random schedule of every kind of fault the emulator injects, armed one after another while a sync runs (the next
 * once the last has fired, after a random pause): every
 * kind once in each shuffled cycle, on a path the kind makes sense for, for the next one or two matching requests,
 * after letting up to one through. A token endpoint answers no session or query errors in real life, so it only
 * gets the faults of a network or an edge (dropped, cut short, unavailable, slow, an HTML page).
 */
final class FaultSchedule implements AutoCloseable {

    /** Mostly whatever API request comes next: a sync makes a few a second, so narrower paths would rarely fire. */
    private static final List<String> API_PATHS = List.of("/services/data/", "/services/data/", "/services/data/",
            "/jobs/query", "/query", "/sobjects");
    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final List<FaultKind> EDGE_KINDS = List.of(FaultKind.DROP_CONNECTION, FaultKind.TRUNCATED_BODY,
            FaultKind.SERVER_UNAVAILABLE, FaultKind.SLOW, FaultKind.HTML_PAGE);

    private static final Duration UNFIRED_PATIENCE = Duration.ofSeconds(10);

    private final FaultPlan plan;
    private final Random random;
    private final Duration meanPause;
    private final Map<FaultKind, Long> firedBefore;
    private final List<FaultKind> cycle = new ArrayList<>();
    private volatile boolean arming;
    private Thread thread;

    /** @param meanPause the mean time between two armed faults */
    FaultSchedule(FaultPlan plan, long seed, Duration meanPause) {
        this.plan = plan;
        this.random = new Random(seed);
        this.meanPause = meanPause;
        this.firedBefore = plan.fired();
    }

    /** Starts (or resumes) arming faults in the background. */
    synchronized void start() {
        if (arming) {
            return;
        }
        arming = true;
        thread = new Thread(this::armUntilStopped, "fault-schedule");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops arming and disarms what has not fired yet, so what follows runs clean. */
    synchronized void pause() throws InterruptedException {
        arming = false;
        if (thread != null) {
            thread.interrupt();
            thread.join();
            thread = null;
        }
        plan.clear();
    }

    /** Requests each kind of fault has hit since this schedule was made. */
    Map<FaultKind, Long> fired() {
        Map<FaultKind, Long> since = new EnumMap<>(FaultKind.class);
        plan.fired().forEach((kind, count) -> {
            long made = count - firedBefore.getOrDefault(kind, 0L);
            if (made > 0) {
                since.put(kind, made);
            }
        });
        return since;
    }

    private void armUntilStopped() {
        long giveUpOnArmed = 0;
        try {
            while (arming) {
                // One fault waiting at a time: faults armed faster than the sync makes requests would pile up and
                // fail every request, which tests nothing but the retry limit.
                if (plan.idle() || System.nanoTime() > giveUpOnArmed) {
                    // A fault on a path the sync has stopped asking for would wait forever: replaced after a while.
                    plan.clear();
                    armOne();
                    giveUpOnArmed = System.nanoTime() + UNFIRED_PATIENCE.toNanos();
                }
                Sleeper.REAL.sleep(Duration.ofMillis((long) (meanPause.toMillis() * 2 * random.nextDouble())));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void armOne() {
        if (cycle.isEmpty()) {
            cycle.addAll(List.of(FaultKind.values()));
            Collections.shuffle(cycle, random);
        }
        FaultKind kind = cycle.remove(cycle.size() - 1);
        boolean onToken = EDGE_KINDS.contains(kind) && random.nextInt(6) == 0;
        String path = onToken ? TOKEN_PATH : API_PATHS.get(random.nextInt(API_PATHS.size()));
        Duration delay = kind == FaultKind.SLOW ? Duration.ofMillis(500 + random.nextInt(2_500)) : Duration.ZERO;
        plan.arm(kind, path, 1 + random.nextInt(2), delay, random.nextInt(2));
    }

    @Override
    public void close() throws InterruptedException {
        pause();
    }
}
