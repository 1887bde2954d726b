package dev.mosaic.web;

import dev.mosaic.connection.ConnectionStatus;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.sync.ChangeStreamStatus;
import dev.mosaic.sync.ObjectProgress;
import dev.mosaic.sync.SyncPhase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A connected org as Settings shows it: status in words, when it last synced, and per object a progress bar.
 *
 * @param changes       how changes reach Mosaic: streamed as they happen, or polled (and why)
 * @param changesDetail why the stream waits or is off; null otherwise
 * @param live          whether the card should fetch itself again: the org is syncing, or an initial load is not done
 */
record ConnectionCard(UUID id, String orgId, String instanceUrl, String loginUrl, String clientId, String status,
                      String statusClass, String statusDetail, String secrets, String apiUsage, String lastRound,
                      String lastSuccess, int quarantined, String changes, String changesDetail, List<ObjectRow> objects,
                      boolean live) {

    static ConnectionCard of(SalesforceConnection c, List<ObjectProgress> progress, int quarantined,
                             Optional<ChangeStreamStatus> stream, Instant now) {
        boolean loading = progress.isEmpty() || progress.stream().anyMatch(p -> p.phase() == SyncPhase.INITIAL);
        String apiUsage = c.apiMax() == null ? "not read yet"
                : String.format("%,d of %,d calls today", c.apiUsed(), c.apiMax());
        return new ConnectionCard(c.connectionId(), c.orgId(), c.instanceUrl().toString(), c.loginUrl().toString(),
                c.clientId(), label(c.status()), statusClass(c.status()), c.statusDetail(),
                "•••• set on " + LocalDate.ofInstant(c.secretsSetAt(), ZoneOffset.UTC), apiUsage,
                Ago.of(c.lastRoundAt(), now, "no round yet"), Ago.of(c.lastSuccessAt(), now, "never"), quarantined,
                changes(c, stream, progress), stream.map(ChangeStreamStatus::detail).orElse(null), progress.stream().map(p -> ObjectRow.of(p, now)).toList(),
                c.status() == ConnectionStatus.SYNCING || (loading && c.status() == ConnectionStatus.CONNECTED));
    }

    private static String changes(SalesforceConnection c, Optional<ChangeStreamStatus> stream, List<ObjectProgress> progress) {
        String polled = "Polled every " + Ago.duration(c.syncInterval());
        long repaired = progress.stream().mapToLong(ObjectProgress::repairedBySafetyNet).sum();
        String repairs = repaired == 0 ? "" : String.format(" · %,d repaired by polling", repaired);
        return stream.map(s -> switch (s.state()) {
            case "LIVE" -> "Streamed live" + (s.events() == 0 ? "" : String.format(" · %,d changes so far", s.events()))
                    + repairs;
            case "CONNECTING" -> "Connecting to the change stream" + repairs;
            default -> polled + " for now" + repairs;
        }).orElse(polled);
    }

    /** The badge's style: {@code needs-reconnect} for NEEDS_RECONNECT. */
    static String statusClass(ConnectionStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String label(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "Connected";
            case SYNCING -> "Syncing";
            case NEEDS_RECONNECT -> "Needs reconnecting";
            case ERROR -> "Error";
        };
    }

    /**
     * One object's line: what is done of how much, how fast, and how long the rest should take.
     *
     * @param live whether its changes stream in as they happen
     */
    record ObjectRow(String name, String phase, boolean upToDate, boolean live, String done, int percent, String rate,
                     String left, String lastError) {

        static ObjectRow of(ObjectProgress p, Instant now) {
            boolean initial = p.phase() == SyncPhase.INITIAL;
            Long total = p.recordsTotal();
            int percent = !initial ? 100 : total == null || total == 0 ? 0
                    : (int) Math.min(100, p.recordsSynced() * 100 / total);
            String done = total == null ? String.format("%,d", p.recordsSynced())
                    : String.format("%,d / %,d", Math.min(p.recordsSynced(), total), total);
            String left = "";
            if (initial && total != null && p.recordsPerSecond() > 0) {
                left = Ago.duration(Duration.ofSeconds(Math.max(0, total - p.recordsSynced()) / p.recordsPerSecond())) + " left";
            }
            boolean live = !initial && p.streaming();
            return new ObjectRow(p.name(), initial ? "Initial load" : live ? "Live" : "Up to date", !initial, live, done, percent,
                    p.recordsPerSecond() == 0 ? "" : String.format("%,d records/s", p.recordsPerSecond()), left,
                    p.lastError() == null ? null : p.lastError() + " (" + Ago.of(p.lastErrorAt(), now, "") + ")");
        }
    }
}
