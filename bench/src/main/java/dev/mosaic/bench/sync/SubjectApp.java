package dev.mosaic.bench.sync;

import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import java.io.IOException;
import java.io.PrintStream;

/** The app under disturbance: the same data directory across restarts, whichever process serves it now. */
final class SubjectApp {

    private final Cleanup cleanup;
    private final PrintStream out;
    private volatile MosaicApp app;

    SubjectApp(MosaicApp app, Cleanup cleanup, PrintStream out) {
        this.app = app;
        this.cleanup = cleanup;
        this.out = out;
    }

    MosaicApp app() {
        return app;
    }

    MosaicHttp http() {
        return app.http();
    }

    /** SIGKILL (its PostgreSQL too, when asked), then the same app started again on the same data. */
    void killAndRestart(boolean postgresToo) throws IOException, InterruptedException {
        app.kill(postgresToo);
        app = app.restart(out, started -> cleanup.register("the restarted app", started));
    }
}
