package dev.mosaic.salesforce.emulator.faults;

import java.time.Duration;

/** How the emulator waits for SLOW faults; injectable so tests can observe the wait without waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
