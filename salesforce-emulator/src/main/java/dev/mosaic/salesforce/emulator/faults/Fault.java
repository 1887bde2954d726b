package dev.mosaic.salesforce.emulator.faults;

import java.time.Duration;

/**
 * One armed fault.
 *
 * @param match a substring of the request path; empty matches every request
 */
public record Fault(FaultKind kind, String match, Duration delay) {
}
