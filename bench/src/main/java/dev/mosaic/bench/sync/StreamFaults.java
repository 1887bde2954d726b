package dev.mosaic.bench.sync;

import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.salesforce.emulator.cdc.ChangeDataCapture;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of Change Data Capture fault, one after the other, injected into the emulator while changes are made:
 * a stream that goes silent, one that fails with an auth error, every replay id expiring, a change no event carries
 * (told by a gap event), and an overflow.
 */
final class StreamFaults {

    /** The kinds, in the order they are injected (then again from the first). */
    static final List<String> KINDS = List.of("silent stream", "auth error", "replay ids expired", "gap", "overflow");

    private final SalesforceEmulator emulator;
    private final String gapAccount;
    private final Map<String, Integer> injected = new LinkedHashMap<>();
    private int next;

    /** @param gapAccount an account whose rename no event carries, for the gap events */
    StreamFaults(SalesforceEmulator emulator, String gapAccount) {
        this.emulator = emulator;
        this.gapAccount = gapAccount;
    }

    void injectNext() {
        String kind = KINDS.get(next++ % KINDS.size());
        ChangeDataCapture cdc = emulator.org().changeDataCapture();
        switch (kind) {
            case "silent stream" -> emulator.pubsub().stallAll();
            case "auth error" -> emulator.pubsub().failAll(Status.UNAUTHENTICATED, "service.auth.error", "The session expired.");
            case "replay ids expired" -> cdc.log().expireAll();
            case "gap" -> {
                List<String> enabled = new ArrayList<>(cdc.enabled());
                List<String> without = new ArrayList<>(enabled);
                without.remove("Account");
                cdc.enable(without);
                emulator.org().update("Account", gapAccount, Map.of("Name", "Renamed unseen " + next), emulator.org().adminUser());
                cdc.enable(enabled);
                cdc.gap("Account", "GAP_UPDATE", List.of(gapAccount));
            }
            default -> cdc.overflow("Contact");
        }
        injected.merge(kind, 1, Integer::sum);
    }

    Map<String, Integer> injected() {
        return injected;
    }

    int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }
}
