package dev.mosaic.connection;

import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finds the entity of a Salesforce record by its id, across the orgs the tenant has connected (disconnected ones
 * too: their records stay): a sandbox copied from
 * production shares record ids with it, so an id held by two orgs is ambiguous unless the org is named.
 */
@Service
public class SalesforceRecords {

    private final ConnectionStore connections;
    private final GraphReader graph;

    SalesforceRecords(ConnectionStore connections, GraphReader graph) {
        this.connections = connections;
        this.graph = graph;
    }

    /**
     * @param recordId a 15- or 18-character id
     * @param orgId    the org to look in, or null for whichever org has the record
     */
    public EntityHandle resolve(String tenantId, String object, String recordId, String orgId) {
        String id = SalesforceRefs.eighteenCharacterId(recordId);
        List<String> orgs = orgId == null || orgId.isBlank()
                ? connections.knownOrgs(tenantId)
                : List.of(orgId.trim());
        List<String> holding = new ArrayList<>();
        EntityHandle found = null;
        for (String org : orgs) {
            Optional<EntityHandle> entity = graph.resolve(tenantId, SalesforceRefs.of(org, object, id));
            if (entity.isPresent()) {
                holding.add(org);
                found = entity.get();
            }
        }
        if (holding.size() > 1) {
            throw new ConflictException("Salesforce " + object + " " + id + " exists in several connected orgs ("
                    + String.join(", ", holding) + "); name one with ?org=<orgId>");
        }
        if (found == null) {
            throw new NotFoundException("No Salesforce " + object + " " + id + " has been synced"
                    + (orgId == null || orgId.isBlank() ? "" : " from org " + orgId.trim()));
        }
        return found;
    }
}
