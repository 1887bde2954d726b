package dev.mosaic.salesforce.client;

import java.time.Duration;

/** How the client waits (for a Bulk job to finish): injected, so tests never wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
