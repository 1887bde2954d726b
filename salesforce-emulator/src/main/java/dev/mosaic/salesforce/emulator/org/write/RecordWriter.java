package dev.mosaic.salesforce.emulator.org.write;

import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Creates, updates, deletes and merges records with Salesforce's validation and side effects:
 * audit fields and SystemModstamp stamped from the org clock (whole seconds, as Salesforce stores
 * them), derived fields kept in step, deletes cascading to dependent records. Callers hold the
 * store's write lock.
 */
public final class RecordWriter {
    /** References whose parent's delete takes the child along (master-detail and activity links). */
    private static final Set<String> CASCADING = Set.of(
            "Contact.AccountId", "Opportunity.AccountId", "OpportunityContactRole.OpportunityId",
            "OpportunityContactRole.ContactId", "AccountContactRelation.AccountId", "AccountContactRelation.ContactId",
            "Note.ParentId", "Task.WhoId", "Task.WhatId", "Event.WhoId", "Event.WhatId");
    /** References a merge must not move: the audit trail and the merge link itself. */
    private static final Set<String> NOT_REPARENTED = Set.of("MasterRecordId", "CreatedById", "LastModifiedById",
            "OwnerId", "ConvertedAccountId", "ConvertedContactId", "ConvertedOpportunityId");

    private final RecordStore store;
    private final FieldInputs inputs;
    private final DerivedFields derivedFields;

    public RecordWriter(RecordStore store) {
        this.store = store;
        this.inputs = new FieldInputs(store);
        this.derivedFields = new DerivedFields(store);
    }

    private final Random lagRandom = new Random(0);
    private long maxCommitLagMillis;

    /**
     * Makes writes carry a SystemModstamp up to {@code maxLag} before "now", as records do whose
     * transaction started earlier than it committed. A sync that keeps "the highest stamp seen" as its
     * cursor then misses them, exactly as against a busy real org; a lookback window catches them.
     */
    public void setCommitLag(Duration maxLag, long seed) {
        this.maxCommitLagMillis = maxLag.toMillis();
        this.lagRandom.setSeed(seed);
    }

    private long transactionStamp(long nowMillis) {
        long lag = maxCommitLagMillis <= 0 ? 0 : (long) (lagRandom.nextDouble() * maxCommitLagMillis);
        return stampOf(nowMillis - lag);
    }

    /** Seconds precision, as Salesforce keeps datetimes. */
    public static long stampOf(long nowMillis) {
        return nowMillis - Math.floorMod(nowMillis, 1000);
    }

    public long create(ObjectDef def, Map<String, Object> fields, long userKey, boolean restricted, long nowMillis) {
        Map<FieldDef, Object> values = convertAll(def, fields, restricted, true);
        List<String> missing = new ArrayList<>();
        for (FieldDef f : def.fields()) {
            if (f.requiredOnCreate() && values.get(f) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SalesforceError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString(), missing);
        }
        ObjectTable table = store.table(def);
        int row = table.addRow();
        for (FieldDef f : def.fields()) {
            if (f.defaultPicklistValue() != null) {
                table.set(row, f, f.defaultPicklistValue());
            }
        }
        FieldDef owner = def.field("OwnerId");
        if (owner != null) {
            table.set(row, owner, userKey);
        }
        values.forEach((f, v) -> table.set(row, f, v));
        derivedFields.apply(table, row);
        long at = transactionStamp(nowMillis);
        table.set(row, def.field("CreatedDate"), at);
        table.set(row, def.field("CreatedById"), userKey);
        table.set(row, def.field("LastModifiedDate"), at);
        table.set(row, def.field("LastModifiedById"), userKey);
        table.stamp(row, at, false);
        long key = RecordStore.key(table.code(), row);
        if (def.name().equals("Contact") && table.get(row, def.field("AccountId")) != null) {
            // Contacts to Multiple Accounts: a contact's primary account is also a direct relation.
            Map<String, Object> relation = new LinkedHashMap<>();
            relation.put("AccountId", store.idOf((Long) table.get(row, def.field("AccountId"))));
            relation.put("ContactId", store.idOf(key));
            long rel = create(store.schema().object("AccountContactRelation"), relation, userKey, false, nowMillis);
            ObjectTable relTable = store.tableOf(rel);
            relTable.set(RecordStore.rowOf(rel), relTable.def().field("IsDirect"), Boolean.TRUE);
            relTable.set(RecordStore.rowOf(rel), relTable.def().field("IsActive"), Boolean.TRUE);
        }
        return key;
    }

    public void update(ObjectDef def, long key, Map<String, Object> fields, long userKey, boolean restricted,
                       long nowMillis) {
        ObjectTable table = liveRecord(def, key, nowMillis);
        int row = RecordStore.rowOf(key);
        Map<String, Object> body = new LinkedHashMap<>(fields);
        Object bodyId = body.remove("Id");
        if (bodyId != null && store.keyOf(bodyId.toString()) != key) {
            throw new SalesforceError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: Id. "
                    + "Please check the security settings of this field and verify that it is read/write for your "
                    + "profile or permission set.", List.of("Id"));
        }
        Map<FieldDef, Object> values = convertAll(def, body, restricted, false);
        List<String> nulled = new ArrayList<>();
        values.forEach((f, v) -> {
            if (v == null && !f.nillable() && f.type() != FieldType.BOOLEAN) {
                nulled.add(f.name());
            }
        });
        if (!nulled.isEmpty()) {
            throw new SalesforceError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + nulled.toString(), nulled);
        }
        Object previousAccount = def.name().equals("Contact") ? table.get(row, def.field("AccountId")) : null;
        values.forEach((f, v) -> table.set(row, f, v));
        derivedFields.apply(table, row);
        long at = transactionStamp(nowMillis);
        touch(table, row, userKey, at);
        if (def.name().equals("Contact")) {
            Object account = table.get(row, def.field("AccountId"));
            if (account != null && !account.equals(previousAccount)) {
                moveDirectRelation(key, (Long) account, userKey, at);
            }
        }
    }

    /** A contact's direct account relation follows its primary account, as Contacts to Multiple Accounts does. */
    private void moveDirectRelation(long contact, long account, long userKey, long at) {
        ObjectDef acr = store.schema().object("AccountContactRelation");
        ObjectTable relations = store.table(acr);
        FieldDef contactId = acr.field("ContactId");
        FieldDef isDirect = acr.field("IsDirect");
        for (int r = 0; r < relations.size(); r++) {
            if (!relations.isDeleted(r) && Boolean.TRUE.equals(relations.get(r, isDirect))
                    && Long.valueOf(contact).equals(relations.get(r, contactId))) {
                relations.set(r, acr.field("AccountId"), account);
                touch(relations, r, userKey, at);
                return;
            }
        }
        int r = relations.addRow();
        relations.set(r, acr.field("AccountId"), account);
        relations.set(r, contactId, contact);
        relations.set(r, isDirect, Boolean.TRUE);
        relations.set(r, acr.field("IsActive"), Boolean.TRUE);
        relations.set(r, acr.field("CreatedDate"), at);
        relations.set(r, acr.field("CreatedById"), userKey);
        relations.set(r, acr.field("LastModifiedDate"), at);
        relations.set(r, acr.field("LastModifiedById"), userKey);
        relations.stamp(r, at, false);
    }

    /** Soft-deletes the record and everything that cascades from it; returns the keys deleted. */
    public List<Long> delete(ObjectDef def, long key, long userKey, long nowMillis) {
        liveRecord(def, key, nowMillis);
        if (def.field("IsDeleted") == null) {
            // Users (describe says deletable:false) are deactivated, never deleted.
            throw new SalesforceError(400, "INVALID_TYPE_FOR_OPERATION", "entity type cannot be deleted");
        }
        return deleteAll(List.of(key), userKey, nowMillis);
    }

    /**
     * Restores a record from the recycle bin, with the records its delete took along (deleted in the same moment,
     * through the same cascades), as Salesforce's undelete does; returns the keys restored.
     */
    public List<Long> undelete(ObjectDef def, long key, long userKey, long nowMillis) {
        ObjectTable table = store.table(def);
        int row = RecordStore.rowOf(key);
        if (key == RecordStore.NO_KEY || RecordStore.codeOf(key) != table.code() || !table.hasRow(row)
                || table.isPurged(row, nowMillis)) {
            throw new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (!table.isDeleted(row)) {
            throw new SalesforceError(400, "UNDELETE_FAILED", "Entity is not in the recycle bin");
        }
        long deletedAt = table.deletedAt(row);
        long at = transactionStamp(nowMillis);
        List<Long> restored = new ArrayList<>();
        Set<Long> frontier = new HashSet<>(List.of(key));
        restore(table, row, userKey, at);
        restored.add(key);
        while (!frontier.isEmpty()) {
            Set<Long> next = new HashSet<>();
            for (ObjectTable child : store.tables()) {
                for (FieldDef f : child.def().fields()) {
                    if (!CASCADING.contains(child.def().name() + "." + f.name())) {
                        continue;
                    }
                    for (int r = 0; r < child.size(); r++) {
                        Object parent = child.get(r, f);
                        if (child.isDeleted(r) && child.deletedAt(r) == deletedAt && parent != null
                                && frontier.contains((Long) parent)) {
                            restore(child, r, userKey, at);
                            long k = RecordStore.key(child.code(), r);
                            restored.add(k);
                            next.add(k);
                        }
                    }
                }
            }
            frontier = next;
        }
        return restored;
    }

    private void restore(ObjectTable t, int row, long userKey, long at) {
        t.markUndeleted(row);
        t.set(row, t.def().field("LastModifiedDate"), at);
        t.set(row, t.def().field("LastModifiedById"), userKey);
        t.stamp(row, at, true);
    }

    /** Deletes many records with one pass per dependent object for each cascade level. */
    public List<Long> deleteAll(List<Long> keys, long userKey, long nowMillis) {
        long at = transactionStamp(nowMillis);
        List<Long> deleted = new ArrayList<>();
        Set<Long> frontier = new HashSet<>();
        for (long key : keys) {
            ObjectTable t = store.tableOf(key);
            int row = RecordStore.rowOf(key);
            if (!t.isDeleted(row)) {
                softDelete(t, row, userKey, at);
                deleted.add(key);
                frontier.add(key);
            }
        }
        while (!frontier.isEmpty()) {
            Set<Long> next = new HashSet<>();
            for (ObjectTable child : store.tables()) {
                List<FieldDef> refs = new ArrayList<>();
                for (FieldDef f : child.def().fields()) {
                    if (CASCADING.contains(child.def().name() + "." + f.name())) {
                        refs.add(f);
                    }
                }
                if (refs.isEmpty()) {
                    continue;
                }
                for (int r = 0; r < child.size(); r++) {
                    if (child.isDeleted(r)) {
                        continue;
                    }
                    for (FieldDef f : refs) {
                        Object parent = child.get(r, f);
                        if (parent != null && frontier.contains((Long) parent)) {
                            softDelete(child, r, userKey, at);
                            long k = RecordStore.key(child.code(), r);
                            deleted.add(k);
                            next.add(k);
                            break;
                        }
                    }
                }
            }
            frontier = next;
        }
        return deleted;
    }

    private void softDelete(ObjectTable t, int row, long userKey, long at) {
        t.markDeleted(row, at);
        t.set(row, t.def().field("LastModifiedDate"), at);
        t.set(row, t.def().field("LastModifiedById"), userKey);
        t.stamp(row, at, true);
    }

    /** Salesforce's merge: losers deleted with MasterRecordId, their children moved to the master. */
    public void merge(ObjectDef def, long master, List<Long> losers, long userKey, long nowMillis) {
        if (!def.mergeable()) {
            throw new SalesforceError(400, "INVALID_TYPE", "Cannot merge records of type " + def.name()
                    + "; only Account, Contact and Lead can be merged");
        }
        if (losers.isEmpty() || losers.size() > 2) {
            throw new SalesforceError(400, "INVALID_OPERATION",
                    "A merge request must name the master record and one or two records to merge");
        }
        liveRecord(def, master, nowMillis);
        for (long loser : losers) {
            liveRecord(def, loser, nowMillis);
            if (loser == master) {
                throw new SalesforceError(400, "INVALID_ID_FIELD", "Cannot merge a record with itself");
            }
        }
        long at = transactionStamp(nowMillis);
        Set<Long> moved = new HashSet<>(losers);
        for (ObjectTable child : store.tables()) {
            List<FieldDef> refs = new ArrayList<>();
            for (FieldDef f : child.def().fields()) {
                if (f.storage() == FieldType.Storage.REF && f.type() == FieldType.REFERENCE
                        && !NOT_REPARENTED.contains(f.name()) && f.referenceTo().contains(def.name())) {
                    refs.add(f);
                }
            }
            for (int r = 0; r < child.size(); r++) {
                boolean changed = false;
                for (FieldDef f : refs) {
                    Object parent = child.get(r, f);
                    if (parent != null && moved.contains((Long) parent)) {
                        child.set(r, f, master);
                        changed = true;
                    }
                }
                if (changed) {
                    touch(child, r, userKey, at);
                }
            }
        }
        ObjectTable table = store.table(def);
        for (long loser : losers) {
            int row = RecordStore.rowOf(loser);
            table.set(row, def.field("MasterRecordId"), master);
            softDelete(table, row, userKey, at);
        }
        touch(table, RecordStore.rowOf(master), userKey, at);
    }

    private void touch(ObjectTable table, int row, long userKey, long nowMillis) {
        long at = stampOf(nowMillis);
        table.set(row, table.def().field("LastModifiedDate"), at);
        table.set(row, table.def().field("LastModifiedById"), userKey);
        table.stamp(row, at, true);
    }

    /** The table of a live record of this object, or Salesforce's 404s (purged records no longer exist). */
    public ObjectTable liveRecord(ObjectDef def, long key, long nowMillis) {
        ObjectTable table = store.table(def);
        if (key == RecordStore.NO_KEY || RecordStore.codeOf(key) != table.code()
                || !table.hasRow(RecordStore.rowOf(key)) || table.isPurged(RecordStore.rowOf(key), nowMillis)) {
            throw new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (table.isDeleted(RecordStore.rowOf(key))) {
            throw new SalesforceError(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
        return table;
    }

    private Map<FieldDef, Object> convertAll(ObjectDef def, Map<String, Object> fields, boolean restricted,
                                             boolean creating) {
        Map<FieldDef, Object> values = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equals("attributes")) {
                continue;
            }
            FieldDef f = def.field(e.getKey());
            if (f == null || !f.visibleTo(restricted)) {
                throw new SalesforceError(400, "INVALID_FIELD", "No such column '" + e.getKey()
                        + "' on sobject of type " + def.name());
            }
            if (creating ? !f.createable() : !f.updateable()) {
                readOnly.add(f.name());
                continue;
            }
            values.put(f, inputs.convert(def, f, e.getValue()));
        }
        if (!readOnly.isEmpty()) {
            throw new SalesforceError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and verify "
                    + "that it is read/write for your profile or permission set.", readOnly);
        }
        return values;
    }
}
