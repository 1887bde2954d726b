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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Instant now = clock.instant();
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
            Optional<String> email = MatchingKeys.email(text(contact.values(), "email"));
            Optional<String> domain = email.flatMap(MatchingKeys::registrableDomain).filter(EmployerInference::isWorkDomain);
            if (domain.isPresent()) {
                ExternalRef organization = new ExternalRef(Survivorship.MOSAIC, DOMAIN_ORGANIZATION, domain.get());
                organizations.putIfAbsent(organization, organizationOf(organization, company, now));
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
     * name's holders; nothing when none or several do.
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
        List<UUID> holderIds = holders.values().stream().flatMap(List::stream).toList();
        Map<UUID, GraphMerges.Placement> placements = graph.placements(tenantId, holderIds);
        // Per name, the one live organization holding it (by its oldest record still said), when exactly one does.
        Map<String, UUID> onlyHolder = new HashMap<>();
        holders.forEach((name, recordIds) -> {
            List<GraphMerges.Placement> live = recordIds.stream().map(placements::get)
                    .filter(placement -> placement != null && !placement.deleted()).toList();
            if (!live.isEmpty() && live.stream().map(GraphMerges.Placement::entityId).distinct().count() == 1) {
                onlyHolder.put(name, live.stream().map(GraphMerges.Placement::recordId).min(Comparator.naturalOrder())
                        .orElseThrow());
            }
        });
        Map<UUID, ExternalRef> refs = links.refsOf(tenantId, onlyHolder.values());
        Map<UUID, List<LinkInput>> inferred = new LinkedHashMap<>();
        companies.forEach((contact, company) -> {
            UUID holder = onlyHolder.get(company.folded());
            if (holder != null && refs.containsKey(holder)) {
                inferred.put(contact, List.of(new LinkInput(LinkKind.WORKS_AT, refs.get(holder),
                        Map.of("current", true, "inferred", "company name", "evidence", "company " + company.given()))));
            }
        });
        return inferred;
    }

    private static IdentityStore.TypedKey nameKey(String folded) {
        return new IdentityStore.TypedKey(EntityType.ORGANIZATION, MatchKey.weak("name", folded));
    }

    /** The organization Mosaic states for a domain: named as the contact's company, else by the domain. */
    private static SourceRecordInput organizationOf(ExternalRef ref, String company, Instant now) {
        String name = company.isBlank() ? ref.externalId() : company.trim();
        return new SourceRecordInput(EntityType.ORGANIZATION, ref, null, Map.of("domain", ref.externalId(), "name", name),
                List.of(), now, null, false);
    }

    /** A company's own domain: not a mailbox provider's, not a platform many companies share. */
    private static boolean isWorkDomain(String domain) {
        return !MatchingKeys.isFreeMailDomain(domain) && !SharedPlatformDomains.contains(domain);
    }

    private static String company(Map<String, Object> values) {
        for (String field : COMPANY_FIELDS) {
            String company = text(values, field);
            if (!company.isBlank()) {
                return company;
            }
        }
        return "";
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null ? "" : String.valueOf(value);
    }

    /** A company as a contact names it, and its name folded as organizations' names are for matching. */
    private record Company(String given, String folded) {
    }
}
