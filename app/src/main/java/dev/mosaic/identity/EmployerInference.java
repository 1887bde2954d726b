package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.graph.InferredLinks;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.graph.RecordResolver;
import dev.mosaic.graph.RecordSnapshot;
import dev.mosaic.graph.SourceRecordInput;
import dev.mosaic.graph.Survivorship;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the organization a contact works at when its source does not say: the organization of its work email's
 * registrable domain (made when none has that domain yet: it joins the one that gets it later), else the one
 * organization holding the company name it gives. A contact whose source names its employer (Salesforce's
 * AccountId, an ingest {@code organization}) keeps exactly that. Free-mail and shared platforms say nothing
 * about an employer; neither does a name several organizations share.
 */
@Component
class EmployerInference {

    /** The object of the organization records Mosaic makes for an email domain: {@code mosaic/email-domain/acme.com}. */
    static final String DOMAIN_ORGANIZATION = "email-domain";
    private static final List<String> COMPANY_FIELDS = List.of("organizationName", "company", "companyName");

    private final InferredLinks links;
    private final GraphMerges graph;
    private final IdentityStore store;
    private final Clock clock;

    EmployerInference(InferredLinks links, GraphMerges graph, IdentityStore store, Clock clock) {
        this.links = links;
        this.graph = graph;
        this.store = store;
        this.clock = clock;
    }

    RecordResolver.Inferences infer(String tenantId, List<RecordSnapshot> written) {
        List<RecordSnapshot> contacts = written.stream().filter(record -> record.type() == EntityType.CONTACT
                && !Survivorship.MOSAIC.equals(record.ref().system())).toList();
        if (contacts.isEmpty()) {
            return RecordResolver.Inferences.NONE;
        }
        Set<UUID> stating = links.statingLink(tenantId, contacts.stream()
                .filter(record -> record.links() == null && !record.deleted()).map(RecordSnapshot::recordId).toList(),
                LinkKind.WORKS_AT);
        Map<UUID, List<LinkInput>> inferred = new LinkedHashMap<>();
        Map<ExternalRef, SourceRecordInput> organizations = new LinkedHashMap<>();
        Map<UUID, Company> byName = new LinkedHashMap<>();
        for (RecordSnapshot contact : contacts) {
            boolean namesEmployer = contact.links() == null ? stating.contains(contact.recordId())
                    : contact.links().stream().anyMatch(link -> link.kind() == LinkKind.WORKS_AT);
            inferred.put(contact.recordId(), List.of());
            if (contact.deleted() || namesEmployer) {
                continue;
            }
            String company = company(contact.values());
            Optional<String> email = MatchingKeys.email(MatchingKeys.text(contact.values(), "email"));
            Optional<String> domain = email.flatMap(MatchingKeys::registrableDomain).filter(MatchingKeys::isCompanyDomain);
            if (domain.isPresent()) {
                ExternalRef organization = new ExternalRef(Survivorship.MOSAIC, DOMAIN_ORGANIZATION, domain.get());
                organizations.putIfAbsent(organization, organizationOf(organization, company));
                inferred.put(contact.recordId(), List.of(new LinkInput(LinkKind.WORKS_AT, organization,
                        Map.of("current", true, "inferred", "email domain", "evidence", "email " + email.get()))));
            } else if (!MatchingKeys.organizationName(company).isEmpty()) {
                byName.put(contact.recordId(), new Company(company, MatchingKeys.organizationName(company)));
            }
        }
        byName(tenantId, byName).forEach(inferred::put);
        return new RecordResolver.Inferences(List.copyOf(organizations.values()), inferred);
    }

    /**
     * For each contact naming a company, a link to the one organization holding that name, in one read of the
     * name's holders. When a few organizations hold it, each is suggested for review instead; when many do, the name
     * says nothing.
     */
    private Map<UUID, List<LinkInput>> byName(String tenantId, Map<UUID, Company> companies) {
        if (companies.isEmpty()) {
            return Map.of();
        }
        Set<IdentityStore.TypedKey> wanted = new LinkedHashSet<>();
        companies.values().forEach(company -> wanted.add(nameKey(company.folded())));
        Map<String, List<UUID>> holders = new HashMap<>();
        store.holders(tenantId, wanted).forEach(holder -> holders.computeIfAbsent(holder.key().value(),
                name -> new ArrayList<>()).add(holder.recordId()));
        Map<UUID, GraphMerges.Placement> placements = graph.placements(tenantId,
                holders.values().stream().flatMap(List::stream).toList());
        // Per name, each live organization holding it, by its oldest record still said, in entity order.
        Map<String, Map<UUID, UUID>> organizations = new HashMap<>();
        holders.forEach((name, recordIds) -> recordIds.stream().map(placements::get)
                .filter(placement -> placement != null && !placement.deleted())
                .forEach(placement -> organizations.computeIfAbsent(name, n -> new TreeMap<>())
                        .merge(placement.entityId(), placement.recordId(), (a, b) -> a.compareTo(b) <= 0 ? a : b)));
        Map<UUID, ExternalRef> refs = links.refsOf(tenantId, organizations.values().stream()
                .filter(held -> held.size() <= IdentityResolver.MOST_SUGGESTED_PER_KEY)
                .flatMap(held -> held.values().stream()).toList());
        Map<UUID, List<LinkInput>> inferred = new LinkedHashMap<>();
        Map<UUID, Company> undecided = new LinkedHashMap<>();
        companies.forEach((contact, company) -> {
            Map<UUID, UUID> held = organizations.getOrDefault(company.folded(), Map.of());
            if (held.size() == 1) {
                inferred.put(contact, List.of(new LinkInput(LinkKind.WORKS_AT, refs.get(held.values().iterator().next()),
                        Map.of("current", true, "inferred", "company name", "evidence", "company " + company.given()))));
            } else if (held.size() > 1 && held.size() <= IdentityResolver.MOST_SUGGESTED_PER_KEY) {
                undecided.put(contact, company);
            }
        });
        suggest(tenantId, undecided, organizations, refs);
        return inferred;
    }

    /** One suggestion per organization a contact's company name may mean. */
    private void suggest(String tenantId, Map<UUID, Company> undecided, Map<String, Map<UUID, UUID>> organizations,
                         Map<UUID, ExternalRef> refs) {
        if (undecided.isEmpty()) {
            return;
        }
        Map<UUID, GraphMerges.Placement> contacts = graph.placements(tenantId, undecided.keySet());
        Instant now = clock.instant();
        List<IdentityStore.Suggestion> suggestions = new ArrayList<>();
        undecided.forEach((contact, company) -> {
            Map<UUID, UUID> held = organizations.get(company.folded());
            held.forEach((organization, holder) -> suggestions.add(new IdentityStore.Suggestion(ReviewItem.WORKS_AT,
                    EntityType.CONTACT, contacts.get(contact).entityId(), organization,
                    "may work there: company '" + company.given() + "', the name of " + held.size() + " organizations",
                    linkEvidence(contact, refs.get(holder), company.given()), now, null)));
        });
        store.suggestAll(tenantId, suggestions);
    }

    private static Map<String, Object> linkEvidence(UUID record, ExternalRef target, String company) {
        return Map.of("record", record.toString(), "targetSystem", target.system(), "targetObject", target.object(),
                "targetId", target.externalId(), "company", company);
    }

    /** The contact record a link suggestion was made for. */
    static UUID suggestedRecord(ReviewItem item) {
        return UUID.fromString(String.valueOf(item.evidence().get("record")));
    }

    /** The link a suggestion proposes, as it is kept once a person decided. */
    static LinkInput suggestedLink(ReviewItem item, String by) {
        Map<String, Object> evidence = item.evidence();
        ExternalRef target = new ExternalRef(String.valueOf(evidence.get("targetSystem")),
                String.valueOf(evidence.get("targetObject")), String.valueOf(evidence.get("targetId")));
        return new LinkInput(LinkKind.WORKS_AT, target, Map.of("current", true, "inferred", "company name",
                "evidence", "company " + evidence.get("company") + ", confirmed by " + by));
    }

    private static IdentityStore.TypedKey nameKey(String folded) {
        return new IdentityStore.TypedKey(EntityType.ORGANIZATION, MatchKey.weak("name", folded));
    }

    /**
     * The organization Mosaic states for a domain: named as the contact's company, else by the domain. Observed at the
     * epoch, whenever it is made: its values only fill what no source says, and the same data must give the same graph
     * whatever the order and the moment it arrives in.
     */
    private static SourceRecordInput organizationOf(ExternalRef ref, String company) {
        String name = company.isBlank() ? ref.externalId() : company.trim();
        return new SourceRecordInput(EntityType.ORGANIZATION, ref, null, Map.of("domain", ref.externalId(), "name", name),
                List.of(), Instant.EPOCH, null, false);
    }

    private static String company(Map<String, Object> values) {
        for (String field : COMPANY_FIELDS) {
            String company = MatchingKeys.text(values, field);
            if (!company.isBlank()) {
                return company;
            }
        }
        return "";
    }

    /** A company as a contact names it, and its name folded as organizations' names are for matching. */
    private record Company(String given, String folded) {
    }
}
