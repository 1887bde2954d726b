package dev.mosaic.bench.sync;

import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.salesforce.client.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records a connection's synced records once a second in the background, whatever the bench's own thread is doing
 * (killing the app, say); while the app is down there are no points, which the chart shows as a gap.
 */
final class ProgressSampler implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final List<Charts.Point> points = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    private ProgressSampler(Supplier<MosaicHttp> http, String connectionId) {
        long started = System.nanoTime();
        thread = new Thread(() -> {
            while (running) {
                try {
                    long synced = SyncDriver.recordsSynced(SyncDriver.connection(http.get(), connectionId));
                    points.add(new Charts.Point((System.nanoTime() - started) / 1e9, synced));
                    Sleeper.REAL.sleep(EVERY);
                } catch (InterruptedException stopped) {
                    return;
                } catch (Exception appDown) {
                    try {
                        Sleeper.REAL.sleep(EVERY);
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            }
        }, "progress-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static ProgressSampler start(Supplier<MosaicHttp> http, String connectionId) {
        return new ProgressSampler(http, connectionId);
    }

    /** Stops sampling; the points so far. */
    List<Charts.Point> stop() throws InterruptedException {
        close();
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
