package dev.mosaic.sync;

import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.identity.EmailHolders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An email's sender and recipients as participants: each address in {@code FromAddress}, {@code ToAddress},
 * {@code CcAddress} and {@code BccAddress} that a contact, lead or user in the graph holds links the email to them,
 * whichever source said the address. Two reads per chunk of emails, whatever its size. An address a person of this
 * org holds names that Salesforce record; one held only elsewhere names that record.
 */
@Component
class EmailParticipants {

    private static final Map<String, String> ROLES = Map.of("FromAddress", "from", "ToAddress", "to", "CcAddress", "cc",
            "BccAddress", "bcc");
    private static final List<String> FIELDS = List.of("FromAddress", "ToAddress", "CcAddress", "BccAddress");

    private final EmailHolders holders;
    private final GraphReader graph;

    EmailParticipants(EmailHolders holders, GraphReader graph) {
        this.holders = holders;
        this.graph = graph;
    }

    /** The participant links of each email, by its id. */
    Map<String, List<LinkInput>> linksOf(String tenantId, String orgId, Collection<SalesforceRow> emails) {
        Set<String> addresses = new LinkedHashSet<>();
        emails.forEach(email -> FIELDS.forEach(field -> addresses.addAll(addresses(email, field))));
        Map<String, List<UUID>> heldBy = holders.recordsWith(tenantId, addresses);
        if (heldBy.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ExternalRef> refs = graph.liveRefs(tenantId, heldBy.values().stream().flatMap(List::stream).toList());
        Map<String, ExternalRef> person = new HashMap<>();
        heldBy.forEach((address, records) -> chosen(records, refs, orgId).ifPresent(ref -> person.put(address, ref)));
        Map<String, List<LinkInput>> links = new HashMap<>();
        for (SalesforceRow email : emails) {
            List<LinkInput> found = new ArrayList<>();
            for (String field : FIELDS) {
                for (String address : addresses(email, field)) {
                    ExternalRef ref = person.get(address);
                    if (ref != null) {
                        found.add(new LinkInput(LinkKind.PARTICIPANT, ref, Map.of("role", ROLES.get(field), "address", address)));
                    }
                }
            }
            if (!found.isEmpty()) {
                links.put(email.id(), found);
            }
        }
        return links;
    }

    /** The record an address names: this org's contact, lead or user, else any other holder; the same every time. */
    private static Optional<ExternalRef> chosen(List<UUID> records, Map<UUID, ExternalRef> refs, String orgId) {
        List<String> preferred = List.of("Contact", "Lead", "User");
        String ours = SalesforceRefs.orgPrefix(orgId);
        return records.stream().map(refs::get).filter(ref -> ref != null)
                .min(Comparator.<ExternalRef>comparingInt(ref -> ref.system().equals(SalesforceRefs.SYSTEM)
                                && ref.externalId().startsWith(ours) && preferred.contains(ref.object())
                                ? preferred.indexOf(ref.object()) : preferred.size())
                        .thenComparing(ExternalRef::toString));
    }

    /** The addresses of a field: Salesforce separates several with semicolons (commas are taken too). */
    private static List<String> addresses(SalesforceRow email, String field) {
        String value = email.text(field);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String part : value.split("[;,]")) {
            if (!part.isBlank()) {
                addresses.add(part.trim());
            }
        }
        return addresses;
    }
}
