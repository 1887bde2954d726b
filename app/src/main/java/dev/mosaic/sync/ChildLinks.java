package dev.mosaic.sync;

import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.platform.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Relation objects whose rows are links of another record: an {@code OpportunityContactRole} is a contact's role
 * on a deal, an indirect {@code AccountContactRelation} a further organization a contact works at. Their rows are
 * kept in {@code sync_child_link}; the record they belong to is written with them among its links, and read again
 * (through {@code sync_pending_refresh}) when one of them changes, all in the transactions of the rows concerned.
 */
@Component
class ChildLinks {

    /** One relation object: which record its rows belong to, and what they link it to. */
    enum Relation {
        CONTACT_ROLE(SyncedObject.OPPORTUNITY_CONTACT_ROLE, SyncedObject.OPPORTUNITY, "OpportunityId", "ContactId",
                "Contact", LinkKind.DEAL_CONTACT),
        FURTHER_ACCOUNT(SyncedObject.ACCOUNT_CONTACT_RELATION, SyncedObject.CONTACT, "ContactId", "AccountId",
                "Account", LinkKind.WORKS_AT);

        final SyncedObject child;
        final SyncedObject parent;
        final String parentField;
        final String targetField;
        final String targetObject;
        final LinkKind kind;

        Relation(SyncedObject child, SyncedObject parent, String parentField, String targetField, String targetObject,
                 LinkKind kind) {
            this.child = child;
            this.parent = parent;
            this.parentField = parentField;
            this.targetField = targetField;
            this.targetObject = targetObject;
            this.kind = kind;
        }

        static Optional<Relation> ofChild(SyncedObject object) {
            for (Relation relation : values()) {
                if (relation.child == object) {
                    return Optional.of(relation);
                }
            }
            return Optional.empty();
        }

        static Optional<Relation> intoParent(SyncedObject object) {
            for (Relation relation : values()) {
                if (relation.parent == object) {
                    return Optional.of(relation);
                }
            }
            return Optional.empty();
        }

        /**
         * The attributes a row gives its link; null when the row is no link. A contact's direct relation adds its
         * roles to the link its own {@code AccountId} makes, and is no link when it names none.
         */
        Map<String, Object> attributes(SalesforceRow row) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (this == CONTACT_ROLE) {
                Optional.ofNullable(row.text("Role")).ifPresent(role -> attributes.put("role", role));
                attributes.put("primary", Boolean.TRUE.equals(row.value("IsPrimary")));
                return attributes;
            }
            if (Boolean.TRUE.equals(row.value("IsDirect"))) {
                return row.text("Roles") == null ? null : Map.of("role", row.text("Roles"));
            }
            Optional.ofNullable(row.text("Roles")).ifPresent(roles -> attributes.put("role", roles));
            attributes.put("current", !Boolean.FALSE.equals(row.value("IsActive")));
            Optional.ofNullable(row.text("StartDate")).ifPresent(date -> attributes.put("startDate", date));
            Optional.ofNullable(row.text("EndDate")).ifPresent(date -> attributes.put("endDate", date));
            return attributes;
        }
    }

    private final DSLContext db;

    ChildLinks(DSLContext db) {
        this.db = db;
    }

    /**
     * Keeps a chunk of relation rows (deleted ones, and rows that are no link, are dropped) and, when
     * {@code refreshParents}, marks the records whose links they changed for reading again. A row read again
     * unchanged (windows overlap by the lookback) changes nothing and marks nothing.
     */
    void apply(String tenantId, UUID connectionId, Relation relation, List<SalesforceRow> rows, boolean refreshParents) {
        List<String> kept = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (SalesforceRow row : rows) {
            String parent = row.text(relation.parentField);
            String target = row.text(relation.targetField);
            Map<String, Object> linkAttributes = row.isDeleted() || parent == null || target == null ? null
                    : relation.attributes(row);
            if (linkAttributes == null) {
                dropped.add(row.id());
            } else {
                kept.add(row.id());
                parents.add(parent);
                targets.add(target);
                attributes.add(Json.write(linkAttributes));
            }
        }
        String object = relation.child.apiName();
        Set<String> changedParents = new LinkedHashSet<>();
        if (!dropped.isEmpty()) {
            changedParents.addAll(db.fetch("delete from sync_child_link where " + rowsOf("child_id") + " returning parent_id",
                    dropped.toArray(String[]::new), tenantId, connectionId, object).map(row -> row.get(0, String.class)));
        }
        if (!kept.isEmpty()) {
            Map<String, StoredLink> before = stored(tenantId, connectionId, object, kept);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                StoredLink old = before.get(kept.get(i));
                StoredLink now = new StoredLink(parents.get(i), targets.get(i), attributes.get(i));
                if (!now.equals(old)) {
                    changed.add(i);
                    changedParents.add(now.parentId());
                    // A row whose parent changed (Salesforce reparents on merges) changes both parents' links.
                    if (old != null) {
                        changedParents.add(old.parentId());
                    }
                }
            }
            if (!changed.isEmpty()) {
                db.execute("insert into sync_child_link (tenant_id, connection_id, object, child_id, parent_id, target_id, "
                                + "attributes) select ?, ?, ?, c, p, t, a::json from unnest(?::text[], ?::text[], ?::text[], "
                                + "?::text[]) as r(c, p, t, a) on conflict (tenant_id, connection_id, object, child_id) do update "
                                + "set parent_id = excluded.parent_id, target_id = excluded.target_id, attributes = excluded.attributes",
                        tenantId, connectionId, object, pick(kept, changed), pick(parents, changed), pick(targets, changed),
                        pick(attributes, changed));
            }
        }
        if (refreshParents && !changedParents.isEmpty()) {
            db.execute("insert into sync_pending_refresh (tenant_id, connection_id, object, record_id) "
                            + "select ?, ?, ?, unnest(?::text[]) on conflict do nothing",
                    tenantId, connectionId, relation.parent.apiName(), changedParents.toArray(String[]::new));
        }
    }

    /** The links relation rows add to these records of the parent object. */
    Map<String, List<LinkInput>> linksOf(String tenantId, UUID connectionId, String orgId, Relation relation,
                                         Collection<String> parentIds) {
        Map<String, List<LinkInput>> links = new HashMap<>();
        if (parentIds.isEmpty()) {
            return links;
        }
        // The probe names only what the parent index holds (tenant, parent): naming the connection and object in it
        // too would let the primary key's longer prefix look better to the planner, which then read every row of
        // the object per parent.
        db.fetch("select l.parent_id, l.target_id, l.attributes::text as attributes from unnest(?::text[]) as ids(id) "
                                + "cross join lateral (select parent_id, target_id, attributes, child_id, connection_id, object "
                                + "from sync_child_link where tenant_id = ? and parent_id = ids.id offset 0) l "
                                + "where l.connection_id = ? and l.object = ? order by l.child_id",
                        parentIds.toArray(String[]::new), tenantId, connectionId, relation.child.apiName())
                .forEach(row -> links.computeIfAbsent(row.get("parent_id", String.class), id -> new ArrayList<>())
                        .add(new LinkInput(relation.kind, SalesforceRefs.of(orgId, relation.targetObject,
                                row.get("target_id", String.class)), Json.mapper().convertValue(
                                Json.read(row.get("attributes", String.class)), Map.class))));
        return links;
    }

    List<String> pending(String tenantId, UUID connectionId, SyncedObject parent, int limit) {
        return db.fetch("select record_id from sync_pending_refresh where tenant_id = ? and connection_id = ? and object = ? "
                + "order by record_id limit ?", tenantId, connectionId, parent.apiName(), limit).map(row -> row.get(0, String.class));
    }

    void refreshed(String tenantId, UUID connectionId, SyncedObject parent, Collection<String> recordIds) {
        db.execute("delete from sync_pending_refresh where ctid = any(array(select found.ctid from unnest(?::text[]) as ids(id) "
                        + "cross join lateral (select ctid from sync_pending_refresh where tenant_id = ? and connection_id = ? "
                        + "and object = ? and record_id = ids.id offset 0) found))",
                recordIds.toArray(String[]::new), tenantId, connectionId, parent.apiName());
    }

    /** A relation row as kept: what a re-read row is compared with, so an unchanged row costs no write. */
    private record StoredLink(String parentId, String targetId, String attributes) {
    }

    private Map<String, StoredLink> stored(String tenantId, UUID connectionId, String object, List<String> childIds) {
        Map<String, StoredLink> stored = new HashMap<>();
        db.fetch("select l.child_id, l.parent_id, l.target_id, l.attributes::text from unnest(?::text[]) as ids(id) "
                                + "cross join lateral (select child_id, parent_id, target_id, attributes from sync_child_link "
                                + "where tenant_id = ? and connection_id = ? and object = ? and child_id = ids.id offset 0) l",
                        childIds.toArray(String[]::new), tenantId, connectionId, object)
                .forEach(row -> stored.put(row.get(0, String.class), new StoredLink(row.get(1, String.class),
                        row.get(2, String.class), row.get(3, String.class))));
        return stored;
    }

    private static String[] pick(List<String> values, List<Integer> indexes) {
        return indexes.stream().map(values::get).toArray(String[]::new);
    }

    /**
     * The rows of one relation object whose {@code key} is in an array, by one index probe each (see
     * {@code SqlArrays}). Binds: the array, the tenant, the connection, the object.
     */
    private static String rowsOf(String key) {
        return "ctid = any(array(select found.ctid from unnest(?::text[]) as ids(id) cross join lateral (select ctid "
                + "from sync_child_link where tenant_id = ? and connection_id = ? and object = ? and " + key
                + " = ids.id offset 0) found))";
    }

    void forget(String tenantId, UUID connectionId) {
        db.execute("delete from sync_child_link where tenant_id = ? and connection_id = ?", tenantId, connectionId);
        db.execute("delete from sync_pending_refresh where tenant_id = ? and connection_id = ?", tenantId, connectionId);
    }
}
