package dev.mosaic.salesforce.emulator.org.generate;

import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static dev.mosaic.salesforce.emulator.org.generate.SamplePools.*;

/**
 * Fills a {@link RecordStore} with a realistic, messy org. Same seed and clock give the same org,
 * byte for byte: one {@link Random} drives everything, in a fixed order.
 *
 * <p>Per account, on average: 4.5 contacts, 2 opportunities, 3 contact roles, 5 account-contact
 * relations, 10 tasks, 5 events, 4 emails, 1.5 notes and 0.3 leads — about 36 records, so
 * 100 accounts make ~3,600 records and ~28,000 accounts make a million.
 */
public final class OrgGenerator {
    private static final long DAY = 86_400_000L;
    private static final long YEAR = 365 * DAY;

    private final Random random;
    private final MessyValues values;
    private final RecordStore store;
    private final long now;
    private final long start;
    /** Instants of org-wide system jobs (a data fix, a field backfill) that touched many records at once. */
    private final long[] massUpdates;
    /** Where the timeline is: accounts are created in order, and their records around them. */
    private long blockBase;
    /** The instant of the data load the current accounts came in by, or -1 if they were keyed in. */
    private long blockImport = -1;
    private final TableWriter users;
    private final TableWriter accounts;
    private final TableWriter contacts;
    private final TableWriter leads;
    private final TableWriter opportunities;
    private final TableWriter contactRoles;
    private final TableWriter relations;
    private final TableWriter tasks;
    private final TableWriter events;
    private final TableWriter emails;
    private final TableWriter notes;
    private final List<Long> userKeys = new ArrayList<>();

    private OrgGenerator(long seed, RecordStore store, long nowMillis) {
        this.random = new Random(seed);
        this.values = new MessyValues(random);
        this.store = store;
        // Whole seconds, like Salesforce's stamps.
        this.now = nowMillis - Math.floorMod(nowMillis, 1000);
        this.start = now - 3 * YEAR;
        StandardSchema s = store.schema();
        this.users = new TableWriter(store.table(s.object("User")));
        this.accounts = new TableWriter(store.table(s.object("Account")));
        this.contacts = new TableWriter(store.table(s.object("Contact")));
        this.leads = new TableWriter(store.table(s.object("Lead")));
        this.opportunities = new TableWriter(store.table(s.object("Opportunity")));
        this.contactRoles = new TableWriter(store.table(s.object("OpportunityContactRole")));
        this.relations = new TableWriter(store.table(s.object("AccountContactRelation")));
        this.tasks = new TableWriter(store.table(s.object("Task")));
        this.events = new TableWriter(store.table(s.object("Event")));
        this.emails = new TableWriter(store.table(s.object("EmailMessage")));
        this.notes = new TableWriter(store.table(s.object("Note")));
        this.massUpdates = new long[12];
        for (int i = 0; i < massUpdates.length; i++) {
            massUpdates[i] = seconds(start + (long) (random.nextDouble() * (now - start - DAY)));
        }
        java.util.Arrays.sort(massUpdates);
    }

    /** Generates into an empty store; the admin is user row 0 and the restricted user row 1. */
    public static void generate(long seed, int accountCount, RecordStore store, long nowMillis) {
        store.write(() -> {
            new OrgGenerator(seed, store, nowMillis).run(accountCount);
            return null;
        });
    }

    private void run(int accountCount) {
        int userCount = Math.max(12, Math.min(20, 10 + accountCount / 2000));
        createUser("Ada", "Admin", "admin@mosaic-demo.example", "System Administrator");
        createUser("Rita", "Restricted", "analyst@mosaic-demo.example", "Data Analyst");
        for (int i = 2; i < userCount; i++) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            createUser(first, last, MessyValues.ascii(first).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "")
                    + "." + i + "@mosaic-demo.example",
                    pick(TITLES));
        }
        long previousAccount = RecordStore.NO_KEY;
        long span = now - start - 2 * DAY;
        int blockEnd = 0;
        for (int a = 0; a < accountCount; a++) {
            if (a == blockEnd) {
                // Ids grow with time, as in a real org; a quarter of the blocks arrived by one data load
                // and share its exact instant.
                blockEnd = a + 1 + random.nextInt(Math.max(1, Math.min(400, accountCount / 8)));
                blockBase = start + (long) ((double) a / accountCount * span);
                blockImport = random.nextInt(4) == 0 ? seconds(blockBase + random.nextInt(86_400_000)) : -1;
            }
            previousAccount = account(a, previousAccount);
        }
    }

    // ---- users ------------------------------------------------------------------------------------

    private void createUser(String first, String last, String email, String title) {
        int row = users.newRow();
        users.set(row, "Username", email);
        users.set(row, "FirstName", first);
        users.set(row, "LastName", last);
        users.set(row, "Email", email);
        String alias = (MessyValues.ascii(first).charAt(0) + MessyValues.ascii(last)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        users.set(row, "Alias", alias.substring(0, Math.min(8, alias.length())));
        users.set(row, "Title", title);
        users.set(row, "IsActive", row < 2 || random.nextInt(10) > 0);
        users.set(row, "ProfileId", row == 1 ? "00e5g000000RstrAAA" : "00e5g000000StdUAAA");
        users.set(row, "UserType", "Standard");
        if (row > 0) {
            users.set(row, "ManagerId", userKeys.get(0));
        }
        long key = users.key(row);
        userKeys.add(key);
        users.audit(row, start, start, start, userKeys.get(0), userKeys.get(0));
    }

    // ---- accounts and their world -------------------------------------------------------------------

    private long account(int index, long previousAccount) {
        int row = accounts.newRow();
        String name = values.companyName();
        String domain = values.domainOf(name, index);
        accounts.set(row, "Name", name);
        accounts.set(row, "Type", pick(new String[] {"Prospect", "Customer - Direct", "Customer - Channel",
                "Channel Partner / Reseller", "Technology Partner", "Other"}));
        if (previousAccount != RecordStore.NO_KEY && random.nextInt(20) == 0) {
            accounts.set(row, "ParentId", previousAccount);
        }
        values.address(accounts, row, "Billing");
        if (random.nextInt(3) == 0) {
            values.address(accounts, row, "Shipping");
        }
        accounts.set(row, "Phone", values.phone());
        accounts.set(row, "Website", random.nextInt(8) == 0 ? null : (random.nextBoolean() ? "https://www." : "")
                + domain);
        accounts.set(row, "Industry", random.nextInt(6) == 0 ? null : pick(store.schema().object("Account")
                .field("Industry").picklistValues().toArray(new String[0])));
        accounts.set(row, "AnnualRevenue", random.nextInt(4) == 0 ? null
                : (double) (100_000L * (1 + random.nextInt(50_000))));
        accounts.set(row, "NumberOfEmployees", random.nextInt(5) == 0 ? null : (long) (1 + random.nextInt(20_000)));
        accounts.set(row, "Description", random.nextInt(4) == 0 ? pick(LONG_TEXTS) : null);
        accounts.set(row, "AccountSource", pick(new String[] {"Web", "Phone Inquiry", "Partner Referral",
                "Purchased List", "Other", null}));
        long owner = owner();
        accounts.set(row, "OwnerId", owner);
        long[] stamps = stamps();
        accounts.audit(row, stamps[0], stamps[1], stamps[2], owner, someone());
        long accountKey = accounts.key(row);

        List<Long> accountContacts = new ArrayList<>();
        int contactCount = 3 + random.nextInt(4);
        for (int c = 0; c < contactCount; c++) {
            boolean orphan = random.nextInt(20) == 0;
            long contact = contact(orphan ? RecordStore.NO_KEY : accountKey, domain,
                    accountContacts.isEmpty() ? RecordStore.NO_KEY : accountContacts.get(0), null);
            if (!orphan) {
                accountContacts.add(contact);
                relation(accountKey, contact, true);
            }
            if (random.nextInt(16) == 0) {
                duplicateOf(contact, orphan ? RecordStore.NO_KEY : accountKey, domain);
            }
        }
        if (previousAccount != RecordStore.NO_KEY && !accountContacts.isEmpty() && random.nextInt(3) == 0) {
            relation(previousAccount, accountContacts.get(random.nextInt(accountContacts.size())), false);
        }

        List<Long> opps = new ArrayList<>();
        int oppCount = random.nextInt(5);
        for (int o = 0; o < oppCount; o++) {
            opps.add(opportunity(accountKey, name, accountContacts));
        }
        int taskCount = 5 + random.nextInt(11);
        for (int t = 0; t < taskCount; t++) {
            task(accountKey, accountContacts, opps);
        }
        int eventCount = 2 + random.nextInt(7);
        for (int e = 0; e < eventCount; e++) {
            event(accountKey, accountContacts, opps);
        }
        int emailCount = 1 + random.nextInt(7);
        for (int e = 0; e < emailCount; e++) {
            email(accountKey, accountContacts, opps);
        }
        int noteCount = random.nextInt(4);
        for (int n = 0; n < noteCount; n++) {
            List<Long> parents = new ArrayList<>(opps);
            parents.add(accountKey);
            parents.addAll(accountContacts);
            note(parents.get(random.nextInt(parents.size())));
        }
        if (random.nextInt(10) < 3) {
            lead(domain, name, accountKey, accountContacts, opps);
        }
        maybeDelete(accounts, row, 200);
        if (random.nextInt(250) == 0 && previousAccount != RecordStore.NO_KEY) {
            // A duplicate account someone already merged away.
            int loser = accounts.newRow();
            accounts.set(loser, "Name", name.toUpperCase(Locale.ROOT));
            accounts.set(loser, "OwnerId", owner);
            long[] s = stamps();
            accounts.audit(loser, s[0], s[1], s[2], owner, owner);
            mergeAway(accounts, loser, accountKey);
        }
        return accountKey;
    }

    private long contact(long accountKey, String domain, long reportsTo, String[] copiedName) {
        int row = contacts.newRow();
        String first = copiedName != null ? copiedName[0] : (random.nextInt(30) == 0 ? null : pick(FIRST_NAMES));
        String last = copiedName != null ? copiedName[1] : pick(LAST_NAMES);
        contacts.set(row, "FirstName", first);
        contacts.set(row, "LastName", last);
        if (random.nextInt(4) == 0) {
            contacts.set(row, "Salutation", pick(new String[] {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof."}));
        }
        contacts.set(row, "AccountId", accountKey == RecordStore.NO_KEY ? null : accountKey);
        int mailKind = random.nextInt(100);
        String local = values.emailLocal(first, last);
        if (mailKind < 8) {
            contacts.set(row, "Email", null);
        } else if (mailKind < 25) {
            contacts.set(row, "Email", local + random.nextInt(100) + "@" + pick(FREE_MAIL));
        } else {
            contacts.set(row, "Email", local + "@" + domain);
        }
        contacts.set(row, "Phone", random.nextInt(5) == 0 ? null : values.phone());
        contacts.set(row, "MobilePhone", random.nextInt(2) == 0 ? null : values.phone());
        contacts.set(row, "Title", random.nextInt(6) == 0 ? null : pick(TITLES));
        contacts.set(row, "Department", random.nextInt(3) == 0 ? null : pick(DEPARTMENTS));
        contacts.set(row, "LeadSource", random.nextInt(3) == 0 ? null : pick(new String[] {"Web", "Phone Inquiry",
                "Partner Referral", "Purchased List", "Other"}));
        if (random.nextInt(4) == 0) {
            contacts.set(row, "Birthdate", (long) (-9000 + random.nextInt(12000)));
        }
        if (random.nextInt(2) == 0) {
            values.address(contacts, row, "Mailing");
        }
        if (reportsTo != RecordStore.NO_KEY && random.nextInt(5) == 0) {
            contacts.set(row, "ReportsToId", reportsTo);
        }
        contacts.set(row, "Description", random.nextInt(10) == 0 ? pick(LONG_TEXTS) : null);
        contacts.set(row, "HasOptedOutOfEmail", random.nextInt(20) == 0);
        contacts.set(row, "DoNotCall", random.nextInt(30) == 0);
        contacts.set(row, "IsEmailBounced", random.nextInt(40) == 0);
        long owner = owner();
        contacts.set(row, "OwnerId", owner);
        long[] s = stamps();
        contacts.audit(row, s[0], s[1], s[2], owner, someone());
        if (random.nextInt(3) == 0) {
            contacts.set(row, "LastActivityDate", Math.floorDiv(s[1], DAY));
        }
        maybeDelete(contacts, row, 60);
        return contacts.key(row);
    }

    /** The same person entered twice: email in another case, a typo in the name; sometimes merged since. */
    private void duplicateOf(long original, long accountKey, String domain) {
        int origRow = RecordStore.rowOf(original);
        String first = (String) contacts.get(origRow, "FirstName");
        String last = (String) contacts.get(origRow, "LastName");
        String typoLast = values.typo(last);
        long dup = contact(accountKey, domain, RecordStore.NO_KEY, new String[] {first, typoLast});
        int dupRow = RecordStore.rowOf(dup);
        String email = (String) contacts.get(origRow, "Email");
        if (email != null) {
            contacts.set(dupRow, "Email", random.nextBoolean() ? email.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(email.charAt(0)) + email.substring(1));
        }
        if (random.nextInt(3) == 0 && !contacts.table.isDeleted(dupRow) && !contacts.table.isDeleted(origRow)) {
            mergeAway(contacts, dupRow, original);
        }
    }

    private void relation(long accountKey, long contactKey, boolean direct) {
        int row = relations.newRow();
        relations.set(row, "AccountId", accountKey);
        relations.set(row, "ContactId", contactKey);
        relations.set(row, "IsDirect", direct);
        relations.set(row, "IsActive", random.nextInt(10) > 0);
        if (!direct || random.nextInt(4) == 0) {
            relations.set(row, "Roles", random.nextBoolean() ? "Decision Maker" : "Influencer;Technical Buyer");
        }
        long[] s = stamps();
        if (random.nextInt(5) == 0) {
            relations.set(row, "StartDate", Math.floorDiv(s[0], DAY));
        }
        relations.audit(row, s[0], s[1], s[2], someone(), someone());
    }

    private long opportunity(long accountKey, String accountName, List<Long> accountContacts) {
        int row = opportunities.newRow();
        opportunities.set(row, "AccountId", accountKey);
        opportunities.set(row, "Name", accountName + " - " + pick(PRODUCTS));
        String stage = pick(StandardSchema.OPPORTUNITY_STAGES);
        opportunities.set(row, "StageName", stage);
        opportunities.set(row, "Amount", random.nextInt(10) == 0 ? null : (double) (500 * (1 + random.nextInt(400))));
        int stageIndex = java.util.Arrays.asList(StandardSchema.OPPORTUNITY_STAGES).indexOf(stage);
        boolean closed = stage.startsWith("Closed");
        boolean won = stage.equals("Closed Won");
        opportunities.set(row, "Probability", won ? 100.0 : closed ? 0.0 : (double) (10 + stageIndex * 10));
        opportunities.set(row, "IsClosed", closed);
        opportunities.set(row, "IsWon", won);
        opportunities.set(row, "ForecastCategoryName", won ? "Closed" : closed ? "Omitted"
                : stageIndex > 5 ? "Commit" : stageIndex > 2 ? "Best Case" : "Pipeline");
        long[] s = stamps();
        opportunities.set(row, "CloseDate", Math.floorDiv(s[0], DAY) + random.nextInt(180));
        opportunities.set(row, "Type", pick(new String[] {"New Customer", "Existing Customer - Upgrade",
                "Existing Customer - Replacement", null}));
        opportunities.set(row, "LeadSource", pick(new String[] {"Web", "Partner Referral", null}));
        if (random.nextInt(3) == 0) {
            opportunities.set(row, "NextStep", "Send revised quote by Friday");
        }
        if (!accountContacts.isEmpty() && random.nextInt(2) == 0) {
            opportunities.set(row, "ContactId", accountContacts.get(random.nextInt(accountContacts.size())));
        }
        long owner = owner();
        opportunities.set(row, "OwnerId", owner);
        opportunities.audit(row, s[0], s[1], s[2], owner, someone());
        long key = opportunities.key(row);
        if (!accountContacts.isEmpty()) {
            int roles = 1 + random.nextInt(2);
            for (int i = 0; i < roles; i++) {
                int r = contactRoles.newRow();
                contactRoles.set(r, "OpportunityId", key);
                contactRoles.set(r, "ContactId", accountContacts.get(random.nextInt(accountContacts.size())));
                contactRoles.set(r, "Role", pick(new String[] {"Decision Maker", "Economic Buyer", "Evaluator",
                        "Influencer", "Technical Buyer", null}));
                contactRoles.set(r, "IsPrimary", i == 0);
                contactRoles.audit(r, s[0], s[0], s[0], owner, owner);
            }
        }
        maybeDelete(opportunities, row, 100);
        return key;
    }

    private void task(long accountKey, List<Long> accountContacts, List<Long> opps) {
        int row = tasks.newRow();
        activityLinks(tasks, row, accountKey, accountContacts, opps);
        String subject = pick(TASK_SUBJECTS);
        tasks.set(row, "Subject", subject);
        long[] s = stamps();
        long due = Math.floorDiv(s[0], DAY) + random.nextInt(14);
        tasks.set(row, "ActivityDate", due);
        boolean old = due * DAY < now - YEAR;
        String status = old || random.nextInt(3) > 0 ? "Completed" : pick(new String[] {"Not Started", "In Progress",
                "Waiting on someone else", "Deferred"});
        tasks.set(row, "Status", status);
        tasks.set(row, "Priority", pick(new String[] {"High", "Normal", "Normal", "Low"}));
        tasks.set(row, "IsClosed", status.equals("Completed"));
        if (status.equals("Completed")) {
            tasks.set(row, "CompletedDateTime", s[1]);
        }
        boolean call = subject.equals("Call") || subject.equals("Left voicemail") || subject.equals("Intro call");
        tasks.set(row, "TaskSubtype", call ? "Call" : subject.equals("Email") ? "Email" : "Task");
        if (call) {
            tasks.set(row, "CallDurationInSeconds", (long) random.nextInt(3600));
        }
        tasks.set(row, "Description", random.nextInt(5) == 0 ? pick(LONG_TEXTS) : null);
        long owner = owner();
        tasks.set(row, "OwnerId", owner);
        tasks.set(row, "IsArchived", old && status.equals("Completed"));
        tasks.audit(row, s[0], s[1], s[2], owner, owner);
        maybeDelete(tasks, row, 50);
    }

    private void event(long accountKey, List<Long> accountContacts, List<Long> opps) {
        int row = events.newRow();
        activityLinks(events, row, accountKey, accountContacts, opps);
        events.set(row, "Subject", pick(EVENT_SUBJECTS));
        long[] s = stamps();
        boolean allDay = random.nextInt(10) == 0;
        long startAt = s[0] + DAY * random.nextInt(20);
        startAt -= Math.floorMod(startAt, 1_800_000L);
        int minutes = allDay ? 1440 : 30 * (1 + random.nextInt(4));
        events.set(row, "IsAllDayEvent", allDay);
        events.set(row, "StartDateTime", startAt);
        events.set(row, "EndDateTime", startAt + minutes * 60_000L);
        events.set(row, "DurationInMinutes", (long) minutes);
        events.set(row, "ActivityDate", Math.floorDiv(startAt, DAY));
        events.set(row, "Location", random.nextInt(3) == 0 ? "Zoom" : random.nextInt(2) == 0 ? null
                : pick(CITIES)[0]);
        events.set(row, "EventSubtype", "Event");
        events.set(row, "Description", random.nextInt(6) == 0 ? pick(LONG_TEXTS) : null);
        long owner = owner();
        events.set(row, "OwnerId", owner);
        events.set(row, "IsArchived", startAt < now - YEAR);
        events.audit(row, s[0], s[1], s[2], owner, owner);
        maybeDelete(events, row, 60);
    }

    private void activityLinks(TableWriter w, int row, long accountKey, List<Long> accountContacts, List<Long> opps) {
        if (!accountContacts.isEmpty() && random.nextInt(5) > 0) {
            w.set(row, "WhoId", accountContacts.get(random.nextInt(accountContacts.size())));
        }
        long what = !opps.isEmpty() && random.nextBoolean() ? opps.get(random.nextInt(opps.size())) : accountKey;
        w.set(row, "WhatId", what);
        w.set(row, "AccountId", accountKey);
    }

    private void email(long accountKey, List<Long> accountContacts, List<Long> opps) {
        int row = emails.newRow();
        long[] s = stamps();
        boolean incoming = random.nextBoolean();
        String contactEmail = null;
        String contactName = null;
        if (!accountContacts.isEmpty()) {
            int c = RecordStore.rowOf(accountContacts.get(random.nextInt(accountContacts.size())));
            contactEmail = (String) contacts.get(c, "Email");
            contactName = contacts.get(c, "FirstName") + " " + contacts.get(c, "LastName");
        }
        long ownerKey = owner();
        String ownerEmail = (String) users.get(RecordStore.rowOf(ownerKey), "Email");
        emails.set(row, "FromAddress", incoming ? contactEmail : ownerEmail);
        emails.set(row, "FromName", incoming ? contactName : (String) users.get(RecordStore.rowOf(ownerKey), "LastName"));
        emails.set(row, "ToAddress", incoming ? ownerEmail : contactEmail);
        if (random.nextInt(4) == 0) {
            emails.set(row, "CcAddress", "team@mosaic-demo.example");
        }
        String subject = pick(EMAIL_SUBJECTS);
        emails.set(row, "Subject", subject);
        String body = pick(LONG_TEXTS);
        emails.set(row, "TextBody", body);
        emails.set(row, "HtmlBody", random.nextInt(3) == 0 ? null : "<html><body><p>" + subject + "</p></body></html>");
        emails.set(row, "Incoming", incoming);
        emails.set(row, "Status", incoming ? pick(new String[] {"0", "1", "2"}) : "3");
        emails.set(row, "MessageDate", s[0]);
        emails.set(row, "RelatedToId", !opps.isEmpty() && random.nextBoolean()
                ? opps.get(random.nextInt(opps.size())) : accountKey);
        emails.set(row, "ThreadIdentifier", "thread-" + Long.toHexString(random.nextLong() & 0xffffffL));
        emails.audit(row, s[0], s[1], s[2], ownerKey, ownerKey);
        maybeDelete(emails, row, 80);
    }

    private void note(long parent) {
        int row = notes.newRow();
        notes.set(row, "ParentId", parent);
        notes.set(row, "Title", pick(NOTE_TITLES));
        notes.set(row, "IsPrivate", random.nextInt(10) == 0);
        notes.set(row, "Body", pick(LONG_TEXTS));
        long owner = owner();
        notes.set(row, "OwnerId", owner);
        long[] s = stamps();
        notes.audit(row, s[0], s[1], s[2], owner, owner);
        maybeDelete(notes, row, 60);
    }

    private void lead(String domain, String company, long accountKey, List<Long> accountContacts, List<Long> opps) {
        int row = leads.newRow();
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        leads.set(row, "FirstName", first);
        leads.set(row, "LastName", last);
        leads.set(row, "Company", random.nextInt(3) == 0 ? company : pick(COMPANY_WORDS) + " " + pick(COMPANY_NOUNS));
        leads.set(row, "Email", random.nextInt(10) == 0 ? null : values.emailLocal(first, last) + "@"
                + (random.nextInt(3) == 0 ? pick(FREE_MAIL) : domain));
        leads.set(row, "Phone", random.nextInt(3) == 0 ? null : values.phone());
        leads.set(row, "Title", pick(TITLES));
        String status = pick(LEAD_STATUS);
        leads.set(row, "Status", status);
        leads.set(row, "IsConverted", status.equals("Closed - Converted"));
        leads.set(row, "LeadSource", pick(new String[] {"Web", "Purchased List", "Other"}));
        leads.set(row, "Rating", pick(new String[] {"Hot", "Warm", "Cold", null}));
        leads.set(row, "Industry", random.nextInt(3) == 0 ? "Technology" : null);
        if (random.nextInt(2) == 0) {
            values.address(leads, row, "");
        }
        long owner = owner();
        leads.set(row, "OwnerId", owner);
        long[] s = stamps();
        if (status.equals("Closed - Converted")) {
            // Conversion made (or matched) this account's records.
            leads.set(row, "ConvertedDate", Math.floorDiv(s[1], DAY));
            leads.set(row, "ConvertedAccountId", accountKey);
            if (!accountContacts.isEmpty()) {
                leads.set(row, "ConvertedContactId", accountContacts.get(accountContacts.size() - 1));
            }
            if (!opps.isEmpty() && random.nextBoolean()) {
                leads.set(row, "ConvertedOpportunityId", opps.get(0));
            }
        }
        leads.audit(row, s[0], s[1], s[2], owner, owner);
        maybeDelete(leads, row, 40);
        if (random.nextInt(40) == 0) {
            int loser = leads.newRow();
            leads.set(loser, "FirstName", first);
            leads.set(loser, "LastName", values.typo(last));
            leads.set(loser, "Company", company);
            leads.set(loser, "Status", "Open - Not Contacted");
            leads.set(loser, "OwnerId", owner);
            leads.audit(loser, s[0], s[0], s[0], owner, owner);
            mergeAway(leads, loser, leads.key(row));
        }
    }

    // ---- deletes, merges, stamps -------------------------------------------------------------------

    /** About one in {@code oneIn} records sits in the recycle bin, deleted within the last two months. */
    private void maybeDelete(TableWriter w, int row, int oneIn) {
        if (random.nextInt(oneIn) != 0) {
            return;
        }
        long created = (Long) w.get(row, "CreatedDate");
        long at = Math.max(created + 1000, now - (long) (random.nextDouble() * 60 * DAY));
        at = Math.min(at, now - 1000);
        at -= Math.floorMod(at, 1000);
        softDelete(w, row, at);
    }

    private void softDelete(TableWriter w, int row, long at) {
        w.table.markDeleted(row, at);
        w.set(row, "LastModifiedDate", at);
        w.table.stamp(row, at, true);
    }

    private void mergeAway(TableWriter w, int loser, long master) {
        w.set(loser, "MasterRecordId", master);
        long created = (Long) w.get(loser, "CreatedDate");
        long at = Math.max(created + 1000, now - (long) (random.nextDouble() * 30 * DAY));
        at -= Math.floorMod(at, 1000);
        softDelete(w, loser, Math.min(at, now - 1000));
    }

    /**
     * [CreatedDate, LastModifiedDate, SystemModstamp]. Records of imported accounts mostly share the
     * load's exact instant, and most of them are never touched again; the rest are created within
     * weeks of their account, some edited later, and a few touched by org-wide system jobs that move
     * SystemModstamp but not LastModifiedDate.
     */
    private long[] stamps() {
        long created;
        if (blockImport >= 0 && random.nextInt(10) < 9) {
            created = blockImport;
            if (random.nextInt(10) < 7) {
                return new long[] {created, created, created};
            }
        } else {
            // Within weeks of the account, and before the last minute: the newest blocks' children are spread over
            // the time left rather than piled on one instant (a minute before now, in every round's lookback).
            long weeks = Math.min(45 * DAY, now - 60_000 - blockBase);
            created = seconds(blockBase + (long) (random.nextDouble() * weeks));
        }
        long modified = created;
        if (random.nextInt(5) < 3) {
            modified = created + (long) (random.nextDouble() * (now - created - 1000));
            modified -= Math.floorMod(modified, 1000);
        }
        long modstamp = modified;
        if (random.nextInt(20) == 0) {
            long job = massUpdates[random.nextInt(massUpdates.length)];
            if (job > modified) {
                modstamp = job;
            }
        }
        return new long[] {created, Math.max(created, modified), Math.max(modified, modstamp)};
    }

    private static long seconds(long millis) {
        return millis - Math.floorMod(millis, 1000);
    }

    private long owner() {
        // The admin owns a lot, like real orgs' integration users; others share the rest.
        return random.nextInt(4) == 0 ? userKeys.get(0) : userKeys.get(2 + random.nextInt(userKeys.size() - 2));
    }

    private long someone() {
        return userKeys.get(random.nextInt(userKeys.size()));
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
