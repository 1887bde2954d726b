package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who an email address belongs to: the records of contacts, leads and users that carry it as a matching key, so an
 * email can name its sender and recipients as people the graph knows. Shared mailboxes ({@code info@}) belong to no one.
 */
@Service
public class EmailHolders {

    private final IdentityStore store;

    EmailHolders(IdentityStore store) {
        this.store = store;
    }

    /**
     * @param addresses as they were written ({@code Ada <ada@example.com>} is not an address; {@code ADA@example.com} is)
     * @return per address as given, the records holding it; addresses no one holds are left out
     */
    public Map<String, List<UUID>> recordsWith(String tenantId, Collection<String> addresses) {
        Map<String, List<String>> asGiven = new HashMap<>();
        List<IdentityStore.TypedKey> keys = new ArrayList<>();
        for (String address : addresses) {
            MatchingKeys.email(address).filter(email -> !MatchingKeys.isRoleMailbox(email)).ifPresent(email -> {
                if (!asGiven.containsKey(email)) {
                    keys.add(new IdentityStore.TypedKey(EntityType.CONTACT, MatchKey.strong("email", email)));
                    keys.add(new IdentityStore.TypedKey(EntityType.LEAD, MatchKey.strong("email", email)));
                    keys.add(new IdentityStore.TypedKey(EntityType.USER, MatchKey.strong("email", email)));
                }
                asGiven.computeIfAbsent(email, key -> new ArrayList<>()).add(address);
            });
        }
        Map<String, List<UUID>> holders = new HashMap<>();
        for (IdentityStore.RecordKey holder : store.holders(tenantId, keys)) {
            for (String address : asGiven.get(holder.key().value())) {
                holders.computeIfAbsent(address, key -> new ArrayList<>()).add(holder.recordId());
            }
        }
        return holders;
    }
}
