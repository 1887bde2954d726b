package dev.mosaic.api;

import dev.mosaic.connection.ConnectionRequest;
import dev.mosaic.connection.Disconnection;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.sync.ChangeStreamStatus;
import dev.mosaic.sync.ObjectProgress;
import dev.mosaic.sync.QuarantinedRecord;
import dev.mosaic.sync.SyncRoundRecord;
import dev.mosaic.sync.SyncService;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/connections/salesforce}: connect an org with the guide's values, see each connection's status and
 * per-object progress, sync now, reconnect, disconnect, and the records the sync quarantined. Secrets go in and
 * never come out: a connection shows only when they were set.
 */
@RestController
@RequestMapping("/api/v1/connections/salesforce")
class SalesforceConnectionController {

    private final SalesforceConnections connections;
    private final SyncService sync;

    SalesforceConnectionController(SalesforceConnections connections, SyncService sync) {
        this.connections = connections;
        this.sync = sync;
    }

    /**
     * Connects a Salesforce org with a Connected App's consumer key and secret and a refresh token (admins only).
     * The first sync starts at once; the secrets are never shown again.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConnectionView connect(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody ConnectionRequest request) {
        principal.requireAdmin("connect an org");
        return view(connections.connect(principal.tenantId(), request));
    }

    /**
     * The workspace's Salesforce connections, with each one's status and sync progress.
     */
    @GetMapping
    ConnectionList list(@AuthenticationPrincipal TenantPrincipal principal) {
        List<ConnectionView> items = connections.list(principal.tenantId()).stream().map(this::view).toList();
        return new ConnectionList(items, items.size());
    }

    /**
     * One connection: its org, status (with what to do when it needs attention), and progress per object.
     */
    @GetMapping("/{id}")
    ConnectionView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
        return view(connections.get(principal.tenantId(), id));
    }

    /**
     * Replaces a connection's credentials, after a revoked or expired token (admins only). The sync goes on where it
     * stopped.
     */
    @PutMapping("/{id}")
    ConnectionView reconnect(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                             @RequestBody ConnectionRequest request) {
        principal.requireAdmin("reconnect an org");
        return view(connections.reconnect(principal.tenantId(), id, request));
    }

    /**
     * Revokes the refresh token and stops syncing. The records already synced stay in the graph, or with
     * {@code ?purge=true} are purged in the background (202), followed at {@code /orgs/{orgId}}.
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Disconnected> disconnect(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                                           @RequestParam(defaultValue = "false") boolean purge) {
        principal.requireAdmin("disconnect an org");
        Disconnection done = connections.disconnect(principal.tenantId(), id, purge ? principal.email() : null);
        String purgeProgress = purge ? SalesforceOrgController.PATH + "/" + done.orgId() : null;
        return ResponseEntity.status(purge ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Disconnected(id, done.orgId(), done.tokenRevoked(), !purge, purgeProgress));
    }

    /**
     * Starts a sync round now, unless one is running.
     */
    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SyncRequested syncNow(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
        connections.get(principal.tenantId(), id);
        boolean started = sync.syncNow(principal.tenantId(), id);
        return new SyncRequested(started, started ? "A round starts now" : "A round is running now");
    }

    /** The connection's rounds, newest first: when, on which instance, how each ended. */
    @GetMapping("/{id}/rounds")
    RoundList rounds(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                     @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        connections.get(principal.tenantId(), id);
        return new RoundList(sync.rounds(principal.tenantId(), id, Paging.limit(limit), Paging.offset(offset)),
                sync.roundCount(principal.tenantId(), id));
    }

    /**
     * The records the sync could not map, with the reason for each; the rest of the sync went on.
     */
    @GetMapping("/{id}/quarantine")
    QuarantineList quarantine(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                              @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        connections.get(principal.tenantId(), id);
        return new QuarantineList(sync.quarantine(principal.tenantId(), id, Paging.limit(limit), Paging.offset(offset)),
                sync.quarantined(principal.tenantId(), id));
    }

    private ConnectionView view(SalesforceConnection c) {
        List<ObjectView> objects = sync.progress(c.tenantId(), c.connectionId()).stream().map(ObjectView::of).toList();
        return new ConnectionView(c.connectionId(), c.status().name(), c.statusDetail(), c.orgId(), c.instanceUrl().toString(),
                c.loginUrl().toString(), c.clientId(),
                "•••• set on " + LocalDate.ofInstant(c.secretsSetAt(), ZoneOffset.UTC), c.secretsSetAt(),
                c.apiMax() == null ? null : new ApiUsageView(c.apiUsed(), c.apiMax()), c.syncInterval().toSeconds(),
                c.createdAt(), c.lastRoundAt(), c.lastSuccessAt(), sync.quarantined(c.tenantId(), c.connectionId()), objects,
                sync.changeStream(c.tenantId(), c.connectionId()).orElse(null));
    }

    record ConnectionList(List<ConnectionView> items, int total) {
    }

    /**
     * @param secrets      the consumer secret and refresh token, only ever as when they were set
     * @param changeStream where the org's change stream stands; null when it has none (polling alone)
     */
    record ConnectionView(UUID id, String status, String statusDetail, String orgId, String instanceUrl, String loginUrl,
                          String clientId, String secrets, Instant secretsSetAt, ApiUsageView apiUsage,
                          long syncIntervalSeconds, Instant createdAt, Instant lastRoundAt, Instant lastSuccessAt,
                          int quarantined, List<ObjectView> objects, ChangeStreamStatus changeStream) {
    }

    record ApiUsageView(Long used, Long max) {
    }

    /**
     * @param secondsLeft an estimate for an initial load in progress, from its rate; null when unknown
     * @param mode        {@code STREAMING}: its changes arrive as they happen; {@code POLLING}: with each round
     * @param lagSeconds  how far behind Salesforce it may be (see {@link ObjectProgress#lagSeconds()})
     * @param repairedBySafetyNet records polling rounds found changed while its changes streamed in (the stream missed
     *                    them); 0 for an object that does not stream
     */
    record ObjectView(String name, String phase, long recordsSynced, Long recordsTotal, long recordsPerSecond,
                      Long secondsLeft, Instant lastSuccessAt, String lastError, Instant lastErrorAt, String mode,
                      Double lagSeconds, long repairedBySafetyNet) {
        static ObjectView of(ObjectProgress p) {
            Long left = p.recordsTotal() == null || p.recordsPerSecond() == 0 || !"INITIAL".equals(p.phase().name()) ? null
                    : Math.max(0, p.recordsTotal() - p.recordsSynced()) / p.recordsPerSecond();
            return new ObjectView(p.name(), p.phase().name(), p.recordsSynced(), p.recordsTotal(), p.recordsPerSecond(), left,
                    p.lastSuccessAt(), p.lastError(), p.lastErrorAt(), p.mode(), p.lagSeconds(), p.repairedBySafetyNet());
        }
    }

    /** @param purgeProgress where the purge of the org's records is followed; null when they are kept */
    record Disconnected(UUID id, String orgId, boolean tokenRevoked, boolean dataKept, String purgeProgress) {
    }

    record SyncRequested(boolean started, String message) {
    }

    record QuarantineList(List<QuarantinedRecord> items, int total) {
    }

    record RoundList(List<SyncRoundRecord> items, int total) {
    }
}
