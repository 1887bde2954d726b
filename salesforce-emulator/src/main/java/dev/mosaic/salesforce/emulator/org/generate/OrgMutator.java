package dev.mosaic.salesforce.emulator.org.generate;

import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.write.RecordWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Realistic day-to-day churn for incremental-sync tests: new contacts and activities, edited titles
 * and stages, deleted records — all through {@link RecordWriter}, so they are validated and stamped
 * exactly like API writes. Caller holds the write lock.
 */
public final class OrgMutator {
    private static final String[] CREATE_MIX = {"Contact", "Contact", "Contact", "Task", "Task", "Account",
            "Opportunity", "Lead", "Event", "Note"};
    private static final String[] UPDATE_MIX = {"Contact", "Contact", "Account", "Opportunity", "Task", "Lead"};
    private static final String[] DELETE_MIX = {"Contact", "Task", "Task", "Opportunity", "Lead", "Event"};

    private final RecordStore store;
    private final RecordWriter writer;
    private final Random random;
    private final long userKey;
    private final long now;

    public OrgMutator(RecordStore store, RecordWriter writer, long seed, long userKey, long nowMillis) {
        this.store = store;
        this.writer = writer;
        this.random = new Random(seed);
        this.userKey = userKey;
        this.now = nowMillis;
    }

    public Map<String, Object> run(int creates, int updates, int deletes) {
        Map<String, List<String>> created = new LinkedHashMap<>();
        Map<String, List<String>> updated = new LinkedHashMap<>();
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        for (int i = 0; i < creates; i++) {
            String object = pick(CREATE_MIX);
            long key = create(object);
            if (key != RecordStore.NO_KEY) {
                created.computeIfAbsent(object, k -> new ArrayList<>()).add(store.idOf(key));
            }
        }
        for (int i = 0; i < updates; i++) {
            String object = pick(UPDATE_MIX);
            long key = randomLive(object);
            if (key != RecordStore.NO_KEY) {
                writer.update(def(object), key, changeFor(object), userKey, false, now);
                updated.computeIfAbsent(object, k -> new ArrayList<>()).add(store.idOf(key));
            }
        }
        // One cascade pass for all deletes: each pass scans the dependent objects once.
        java.util.LinkedHashSet<Long> doomed = new java.util.LinkedHashSet<>();
        for (int i = 0; i < deletes; i++) {
            long key = randomLive(pick(DELETE_MIX));
            if (key != RecordStore.NO_KEY) {
                doomed.add(key);
            }
        }
        for (long k : writer.deleteAll(new ArrayList<>(doomed), userKey, now)) {
            deleted.computeIfAbsent(store.tableOf(k).def().name(), x -> new ArrayList<>()).add(store.idOf(k));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", count(created));
        out.put("updated", count(updated));
        out.put("deleted", count(deleted));
        out.put("createdIds", created);
        out.put("updatedIds", updated);
        out.put("deletedIds", deleted);
        return out;
    }

    private static int count(Map<String, List<String>> ids) {
        return ids.values().stream().mapToInt(List::size).sum();
    }

    private long create(String object) {
        Map<String, Object> f = new LinkedHashMap<>();
        long account = randomLive("Account");
        switch (object) {
            case "Account" -> {
                f.put("Name", pick(SamplePools.COMPANY_WORDS) + " " + pick(SamplePools.COMPANY_NOUNS) + " "
                        + (1000 + random.nextInt(9000)));
                f.put("Industry", "Technology");
                f.put("BillingCity", pick(SamplePools.CITIES)[0]);
            }
            case "Contact" -> {
                String first = pick(SamplePools.FIRST_NAMES);
                String last = pick(SamplePools.LAST_NAMES);
                f.put("FirstName", first);
                f.put("LastName", last);
                f.put("Email", "new." + random.nextInt(1_000_000) + "@" + pick(SamplePools.FREE_MAIL));
                f.put("Title", pick(SamplePools.TITLES));
                if (account != RecordStore.NO_KEY && random.nextInt(10) > 0) {
                    f.put("AccountId", store.idOf(account));
                }
            }
            case "Lead" -> {
                f.put("LastName", pick(SamplePools.LAST_NAMES));
                f.put("Company", pick(SamplePools.COMPANY_WORDS) + " " + pick(SamplePools.COMPANY_NOUNS));
                f.put("Email", "lead." + random.nextInt(1_000_000) + "@example.com");
            }
            case "Opportunity" -> {
                f.put("Name", "New deal " + random.nextInt(100_000));
                f.put("StageName", "Prospecting");
                f.put("CloseDate", java.time.LocalDate.ofEpochDay(now / 86_400_000L + 30).toString());
                f.put("Amount", 1000 * (1 + random.nextInt(100)));
                if (account != RecordStore.NO_KEY) {
                    f.put("AccountId", store.idOf(account));
                }
            }
            case "Task", "Event" -> {
                if (object.equals("Task")) {
                    f.put("Subject", pick(SamplePools.TASK_SUBJECTS));
                    f.put("Status", "Not Started");
                } else {
                    f.put("Subject", pick(SamplePools.EVENT_SUBJECTS));
                    f.put("StartDateTime", java.time.Instant.ofEpochMilli(RecordWriter.stampOf(now) + 86_400_000L)
                            .toString());
                    f.put("EndDateTime", java.time.Instant.ofEpochMilli(RecordWriter.stampOf(now) + 90_000_000L)
                            .toString());
                    f.put("DurationInMinutes", 60);
                }
                long who = randomLive("Contact");
                if (who != RecordStore.NO_KEY) {
                    f.put("WhoId", store.idOf(who));
                }
                if (account != RecordStore.NO_KEY) {
                    f.put("WhatId", store.idOf(account));
                }
            }
            case "Note" -> {
                if (account == RecordStore.NO_KEY) {
                    return RecordStore.NO_KEY;
                }
                f.put("ParentId", store.idOf(account));
                f.put("Title", pick(SamplePools.NOTE_TITLES));
                f.put("Body", "Follow-up from today's call.");
            }
            default -> {
                return RecordStore.NO_KEY;
            }
        }
        return writer.create(def(object), f, userKey, false, now);
    }

    private Map<String, Object> changeFor(String object) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (object) {
            case "Contact" -> {
                if (random.nextBoolean()) {
                    f.put("Title", pick(SamplePools.TITLES));
                } else {
                    f.put("Phone", "+1 415 555 " + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)));
                }
            }
            case "Account" -> f.put("NumberOfEmployees", 1 + random.nextInt(50_000));
            case "Opportunity" -> f.put("StageName", pick(new String[] {"Qualification", "Negotiation/Review",
                    "Closed Won", "Closed Lost"}));
            case "Task" -> f.put("Status", "Completed");
            case "Lead" -> f.put("Status", "Working - Contacted");
            default -> { }
        }
        return f;
    }

    private long randomLive(String object) {
        ObjectTable t = store.table(def(object));
        if (t.size() == 0) {
            return RecordStore.NO_KEY;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            int row = random.nextInt(t.size());
            if (!t.isDeleted(row) && !t.isArchived(row)) {
                return RecordStore.key(t.code(), row);
            }
        }
        return RecordStore.NO_KEY;
    }

    private ObjectDef def(String name) {
        return store.schema().object(name);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
