package dev.mosaic.sync.mapping;

import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.graph.SourceRecordInput;
import dev.mosaic.sync.SalesforceRow;
import dev.mosaic.sync.SyncedObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place that knows both Salesforce's fields and the graph's: one method per object turns a record into
 * what the graph stores, with its links, its deep link and provenance {@code salesforce}. A record is always
 * mapped whole ({@link SourceRecordInput#complete()}): a field emptied in Salesforce is emptied in the graph.
 */
public final class SalesforceMapping {

    private SalesforceMapping() {
    }

    /**
     * @param childLinks links that other objects state about this record (an opportunity's contact roles, a
     *                   contact's further accounts), added to its own
     * @throws UnmappableRecordException when the record cannot be taken as it is
     */
    public static SourceRecordInput map(SyncedObject object, SalesforceRow row, MappingContext context,
                                        List<LinkInput> childLinks) {
        String id = row.id();
        if (id == null) {
            throw new UnmappableRecordException("the record has no Id");
        }
        Instant stamp = row.systemModstamp();
        if (stamp == null) {
            throw new UnmappableRecordException("the record has no SystemModstamp");
        }
        ExternalRef ref = SalesforceRefs.of(context.orgId(), object.apiName(), id);
        EntityType type = typeOf(object);
        if (row.isDeleted()) {
            return new SourceRecordInput(type, ref, null, Map.of(), List.of(), stamp, stamp.toString(), true, false);
        }
        if (!row.problems().isEmpty()) {
            throw new UnmappableRecordException("values that do not match their field types: " + row.problems().entrySet()
                    .stream().map(problem -> problem.getKey() + " " + problem.getValue()).collect(Collectors.joining("; ")));
        }
        RecordFields fields = new RecordFields(row, context);
        switch (object) {
            case USER -> user(fields);
            case ACCOUNT -> account(fields);
            case CONTACT -> contact(fields);
            case LEAD -> lead(fields, row);
            case OPPORTUNITY -> opportunity(fields, context);
            case TASK -> task(fields);
            case EVENT -> event(fields);
            case EMAIL_MESSAGE -> email(fields);
            case NOTE -> note(fields);
            default -> throw new IllegalArgumentException(object + " records are links of other records, not entities");
        }
        if (object != SyncedObject.USER) {
            fields.link(LinkKind.OWNER, "OwnerId", Map.of());
        }
        childLinks.forEach(fields::link);
        String url = SalesforceRefs.deepLink(context.instanceUrl(), object.apiName(), id);
        return new SourceRecordInput(type, ref, url, fields.fields(), fields.links(), stamp, stamp.toString(), false, true);
    }

    /** The entity type records of an object become. */
    public static EntityType typeOf(SyncedObject object) {
        return switch (object) {
            case USER -> EntityType.USER;
            case ACCOUNT -> EntityType.ORGANIZATION;
            case CONTACT, ACCOUNT_CONTACT_RELATION -> EntityType.CONTACT;
            case LEAD -> EntityType.LEAD;
            case OPPORTUNITY, OPPORTUNITY_CONTACT_ROLE -> EntityType.DEAL;
            case TASK, EVENT, EMAIL_MESSAGE -> EntityType.INTERACTION;
            case NOTE -> EntityType.NOTE;
        };
    }

    private static void user(RecordFields f) {
        f.put("name", "Name").put("email", "Email").put("title", "Title").put("active", "IsActive")
                .consumed("FirstName", "LastName");
    }

    private static void account(RecordFields f) {
        f.put("name", "Name").put("website", "Website").put("phone", "Phone").put("industry", "Industry")
                .put("type", "Type").put("employees", "NumberOfEmployees").put("annualRevenue", "AnnualRevenue")
                .put("description", "Description").address("address", "Billing");
    }

    private static void contact(RecordFields f) {
        f.put("firstName", "FirstName").put("lastName", "LastName").put("email", "Email").put("phone", "Phone")
                .put("mobilePhone", "MobilePhone").put("title", "Title").put("department", "Department")
                .put("birthdate", "Birthdate").address("address", "Mailing").consumed("Name");
        Map<String, Object> role = new LinkedHashMap<>();
        f.text("Title").ifPresent(title -> role.put("role", title));
        role.put("current", true);
        f.link(LinkKind.WORKS_AT, "AccountId", role);
    }

    private static void lead(RecordFields f, SalesforceRow row) {
        f.put("firstName", "FirstName").put("lastName", "LastName").put("company", "Company").put("title", "Title")
                .put("status", "Status").put("email", "Email").put("phone", "Phone").put("website", "Website")
                .put("converted", "IsConverted").put("convertedDate", "ConvertedDate").consumed("Name");
        if (Boolean.TRUE.equals(row.value("IsConverted"))) {
            // The lead became these: linked, so its history shows on the contact, the account and the deal.
            f.link(LinkKind.CONVERTED_TO, "ConvertedContactId", Map.of("as", "contact"));
            f.link(LinkKind.CONVERTED_TO, "ConvertedAccountId", Map.of("as", "organization"));
            f.link(LinkKind.CONVERTED_TO, "ConvertedOpportunityId", Map.of("as", "deal"));
        } else {
            f.consumed("ConvertedContactId", "ConvertedAccountId", "ConvertedOpportunityId");
        }
    }

    private static void opportunity(RecordFields f, MappingContext context) {
        f.put("name", "Name").put("stage", "StageName").put("amount", "Amount").put("closeDate", "CloseDate")
                .put("probability", "Probability").put("type", "Type").put("nextStep", "NextStep")
                .put("closed", "IsClosed").put("won", "IsWon").put("forecastCategory", "ForecastCategoryName")
                .put("description", "Description");
        f.putValue("currency", f.text("CurrencyIsoCode").orElse(context.defaultCurrency())).consumed("CurrencyIsoCode");
        f.link(LinkKind.DEAL_ORGANIZATION, "AccountId", Map.of());
        f.link(LinkKind.DEAL_CONTACT, "ContactId", Map.of("primary", true));
    }

    private static void task(RecordFields f) {
        String subtype = f.text("TaskSubtype").orElse("Task");
        f.putValue("type", switch (subtype) {
            case "Email", "ListEmail" -> "email";
            case "Call" -> "call";
            default -> "task";
        });
        f.putValue("occurredAt", firstOf(f, "CompletedDateTime", "ActivityDate", "CreatedDate"));
        f.put("subject", "Subject").put("body", "Description").put("status", "Status").put("priority", "Priority")
                .put("callDurationSeconds", "CallDurationInSeconds").put("archived", "IsArchived");
        activityLinks(f);
    }

    private static void event(RecordFields f) {
        f.putValue("type", "meeting");
        f.putValue("occurredAt", firstOf(f, "StartDateTime", "ActivityDate", "CreatedDate"));
        f.put("endsAt", "EndDateTime").put("subject", "Subject").put("body", "Description").put("location", "Location")
                .put("allDay", "IsAllDayEvent").put("durationMinutes", "DurationInMinutes").put("archived", "IsArchived");
        activityLinks(f);
    }

    private static void email(RecordFields f) {
        f.putValue("type", "email");
        f.putValue("occurredAt", firstOf(f, "MessageDate", "CreatedDate"));
        f.putValue("direction", f.text("Incoming").map(incoming -> incoming.equals("true") ? "inbound" : "outbound")
                .orElse(null));
        f.put("subject", "Subject").put("body", "TextBody").put("from", "FromAddress").put("fromName", "FromName")
                .put("to", "ToAddress").put("cc", "CcAddress").consumed("Incoming", "HtmlBody");
        f.link(participantOrDeal(f, "RelatedToId"));
    }

    private static void note(RecordFields f) {
        f.put("title", "Title").put("body", "Body").put("createdAt", "CreatedDate").put("private", "IsPrivate");
        f.link(LinkKind.NOTE_SUBJECT, "ParentId", Map.of());
    }

    /** Who (a contact or lead), what (an account or opportunity) and the account Salesforce derived. */
    private static void activityLinks(RecordFields f) {
        f.link(LinkKind.PARTICIPANT, "WhoId", Map.of());
        f.link(participantOrDeal(f, "WhatId"));
        String what = f.text("WhatId").orElse("");
        String account = f.text("AccountId").orElse("");
        if (!account.isEmpty() && !account.equals(what)) {
            f.link(LinkKind.PARTICIPANT, "AccountId", Map.of("role", "organization"));
        } else {
            f.consumed("AccountId");
        }
    }

    /** An activity about an opportunity is about that deal; about an account, the account takes part. */
    private static LinkInput participantOrDeal(RecordFields f, String field) {
        f.consumed(field);
        Optional<String> id = f.text(field);
        Optional<String> object = id.flatMap(KeyPrefixes::objectOf);
        if (object.isEmpty()) {
            return null;
        }
        return object.get().equals("Opportunity")
                ? new LinkInput(LinkKind.INTERACTION_DEAL, f.ref("Opportunity", id.get()), Map.of())
                : new LinkInput(LinkKind.PARTICIPANT, f.ref(object.get(), id.get()),
                        object.get().equals("Account") ? Map.of("role", "organization") : Map.of());
    }

    private static Object firstOf(RecordFields f, String... salesforceFields) {
        f.consumed(salesforceFields);
        for (String field : salesforceFields) {
            Optional<String> value = f.text(field);
            if (value.isPresent()) {
                // A date alone (a task's due date) is that day's start in UTC.
                return value.get().length() == 10 ? value.get() + "T00:00:00Z" : value.get();
            }
        }
        return null;
    }
}
