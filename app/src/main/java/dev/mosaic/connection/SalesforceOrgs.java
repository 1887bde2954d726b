package dev.mosaic.connection;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orgs a tenant has ever connected, and the purge of a disconnected org's records: asked for at disconnect or
 * later, run in the background by the sync, and followed here.
 */
@Service
public class SalesforceOrgs {

    private final ConnectionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesforceOrgs(ConnectionStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public List<SalesforceOrg> list(String tenantId) {
        return store.orgs(tenantId);
    }

    public SalesforceOrg get(String tenantId, String orgId) {
        return store.orgs(tenantId).stream().filter(org -> org.orgId().equals(orgId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Org " + orgId + " was never connected to this workspace"));
    }

    /**
     * Purges the records a disconnected org left in the graph. Asking again while a purge runs changes nothing.
     *
     * @return the org, with its purge
     */
    @Transactional
    public SalesforceOrg purge(String tenantId, String orgId, String by) {
        SalesforceOrg org = get(tenantId, orgId);
        if (org.connectionId() != null) {
            throw new ConflictException("Org " + orgId + " is connected (connection " + org.connectionId() + "); "
                    + "disconnect it with DELETE /api/v1/connections/salesforce/" + org.connectionId() + "?purge=true");
        }
        if (org.purge() == null || org.purge().finishedAt() != null) {
            requestPurge(tenantId, orgId, null, by);
        }
        return get(tenantId, orgId);
    }

    /** Inside a disconnect's transaction: the connection's last round, if one is running, ends before the purge starts. */
    @Transactional(propagation = Propagation.MANDATORY)
    void requestPurge(String tenantId, String orgId, UUID disconnected, String by) {
        store.requestPurge(tenantId, orgId, by, clock.instant());
        events.publishEvent(new OrgPurgeRequested(tenantId, orgId, disconnected));
    }

    /** Counts a purged chunk, in the chunk's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void purged(String tenantId, String orgId, int records) {
        store.countPurged(tenantId, orgId, records);
    }

    @Transactional
    public void purgeFinished(String tenantId, String orgId) {
        store.purgeFinished(tenantId, orgId, clock.instant());
    }
}
