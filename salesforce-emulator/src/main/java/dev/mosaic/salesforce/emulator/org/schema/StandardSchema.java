package dev.mosaic.salesforce.emulator.org.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.org.schema.FieldType.*;

/**
 * The standard objects the emulator models, with the fields a CRM sync needs, in the order
 * Salesforce's describe lists them. Field-level security hides a few sensitive fields
 * (personal phones, birthdate, revenue) from the restricted user.
 */
public final class StandardSchema {
    private static final String[] LEAD_SOURCES = {"Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"};
    private static final String[] INDUSTRIES = {"Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
            "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
            "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
            "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
            "Technology", "Telecommunications", "Transportation", "Utilities", "Other"};
    private static final String[] GEOCODE_ACCURACY = {"Address", "NearAddress", "Block", "Street", "ExtendedZip", "Zip",
            "Neighborhood", "City", "County", "State", "Unknown"};
    public static final String[] OPPORTUNITY_STAGES = {"Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost"};

    /**
     * The fields of Salesforce's {@code Name} entity, which is what a polymorphic lookup such as
     * {@code Who} or {@code What} points at: only these can follow it in a path.
     */
    public static final java.util.Set<String> NAME_ENTITY_FIELDS = java.util.Set.of("id", "name", "firstname",
            "lastname", "type", "alias", "email", "phone", "title", "username", "isactive", "userroleid", "profileid");

    /** {@code Who.Type}, {@code What.Type}: the name of the object a polymorphic lookup points at. */
    public static final FieldDef OBJECT_TYPE = new FieldBuilder("Type", PICKLIST, "Object Type").readOnly().build();

    private final Map<String, ObjectDef> byLowerName = new LinkedHashMap<>();

    private static final StandardSchema INSTANCE = new StandardSchema();

    public static StandardSchema get() {
        return INSTANCE;
    }

    private StandardSchema() {
        account();
        contact();
        lead();
        opportunity();
        opportunityContactRole();
        accountContactRelation();
        task();
        event();
        emailMessage();
        note();
        user();
        linkChildRelationships();
    }

    /** All objects in name order, as global describe lists them. */
    public List<ObjectDef> objects() {
        List<ObjectDef> sorted = new ArrayList<>(byLowerName.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        return Collections.unmodifiableList(sorted);
    }

    /** Case-insensitive object lookup, or null. */
    public ObjectDef object(String name) {
        return name == null ? null : byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    // ---- object definitions -------------------------------------------------------------------

    private void account() {
        Obj o = new Obj("Account", "Account", "Accounts", "001", true, false);
        o.head(true);
        o.f("Name", STRING, "Account Name").required().nameField();
        o.f("Type", PICKLIST, "Account Type").picklist("Prospect", "Customer - Direct", "Customer - Channel",
                "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other");
        o.f("ParentId", REFERENCE, "Parent Account ID").references("Parent", "Account").children("ChildAccounts");
        o.address("Billing", "Billing");
        o.address("Shipping", "Shipping");
        o.f("Phone", PHONE, "Account Phone").length(40);
        o.f("Fax", PHONE, "Account Fax").length(40);
        o.f("Website", URL, "Website");
        o.f("Industry", PICKLIST, "Industry").picklist(INDUSTRIES);
        o.f("AnnualRevenue", CURRENCY, "Annual Revenue").hiddenFromRestricted();
        o.f("NumberOfEmployees", INT, "Employees").precision(8, 0);
        o.f("Description", TEXTAREA, "Account Description").length(32000);
        o.owner();
        o.audit();
        o.f("LastActivityDate", DATE, "Last Activity").readOnly();
        o.f("AccountSource", PICKLIST, "Account Source").picklist(LEAD_SOURCES);
        register(o);
    }

    private void contact() {
        Obj o = new Obj("Contact", "Contact", "Contacts", "003", true, false);
        o.head(true);
        o.f("AccountId", REFERENCE, "Account ID").references("Account", "Account").children("Contacts");
        o.f("LastName", STRING, "Last Name").length(80).required().compoundOf("Name");
        o.f("FirstName", STRING, "First Name").length(40).compoundOf("Name");
        o.f("Salutation", PICKLIST, "Salutation").picklist("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.").compoundOf("Name");
        // A person's Name is a compound of its parts in describe, yet type string, so Bulk still serves it.
        o.f("Name", STRING, "Full Name").length(121).readOnly().nameField().required();
        o.address("Mailing", "Mailing");
        o.f("Phone", PHONE, "Business Phone").length(40).hiddenFromRestricted();
        o.f("MobilePhone", PHONE, "Mobile Phone").length(40).hiddenFromRestricted();
        o.f("HomePhone", PHONE, "Home Phone").length(40).hiddenFromRestricted();
        o.f("ReportsToId", REFERENCE, "Reports To ID").references("ReportsTo", "Contact");
        o.f("Email", EMAIL, "Email");
        o.f("Title", STRING, "Title").length(128);
        o.f("Department", STRING, "Department").length(80);
        o.f("LeadSource", PICKLIST, "Lead Source").picklist(LEAD_SOURCES);
        o.f("Birthdate", DATE, "Birthdate").hiddenFromRestricted();
        o.f("Description", TEXTAREA, "Contact Description").length(32000);
        o.owner();
        o.f("HasOptedOutOfEmail", BOOLEAN, "Email Opt Out");
        o.f("DoNotCall", BOOLEAN, "Do Not Call");
        o.audit();
        o.f("LastActivityDate", DATE, "Last Activity").readOnly();
        o.f("IsEmailBounced", BOOLEAN, "Is Email Bounced").readOnly();
        register(o);
    }

    private void lead() {
        Obj o = new Obj("Lead", "Lead", "Leads", "00Q", true, false);
        o.head(true);
        o.f("LastName", STRING, "Last Name").length(80).required().compoundOf("Name");
        o.f("FirstName", STRING, "First Name").length(40).compoundOf("Name");
        o.f("Salutation", PICKLIST, "Salutation").picklist("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.").compoundOf("Name");
        // A person's Name is a compound of its parts in describe, yet type string, so Bulk still serves it.
        o.f("Name", STRING, "Full Name").length(121).readOnly().nameField().required();
        o.f("Title", STRING, "Title").length(128);
        o.f("Company", STRING, "Company").required();
        o.address("", "");
        o.f("Phone", PHONE, "Phone").length(40).hiddenFromRestricted();
        o.f("MobilePhone", PHONE, "Mobile Phone").length(40).hiddenFromRestricted();
        o.f("Email", EMAIL, "Email");
        o.f("Website", URL, "Website");
        o.f("Description", TEXTAREA, "Description").length(32000);
        o.f("LeadSource", PICKLIST, "Lead Source").picklist(LEAD_SOURCES);
        o.f("Status", PICKLIST, "Status").required().picklist("Open - Not Contacted", "Working - Contacted",
                "Closed - Converted", "Closed - Not Converted").defaultValue("Open - Not Contacted");
        o.f("Industry", PICKLIST, "Industry").picklist(INDUSTRIES);
        o.f("Rating", PICKLIST, "Rating").picklist("Hot", "Warm", "Cold");
        o.f("AnnualRevenue", CURRENCY, "Annual Revenue").hiddenFromRestricted();
        o.f("NumberOfEmployees", INT, "Employees").precision(8, 0);
        o.owner();
        o.f("IsConverted", BOOLEAN, "Converted").createOnly();
        o.f("ConvertedDate", DATE, "Converted Date").readOnly();
        o.f("ConvertedAccountId", REFERENCE, "Converted Account ID").readOnly().references("ConvertedAccount", "Account");
        o.f("ConvertedContactId", REFERENCE, "Converted Contact ID").readOnly().references("ConvertedContact", "Contact");
        o.f("ConvertedOpportunityId", REFERENCE, "Converted Opportunity ID").readOnly()
                .references("ConvertedOpportunity", "Opportunity");
        o.audit();
        o.f("LastActivityDate", DATE, "Last Activity").readOnly();
        register(o);
    }

    private void opportunity() {
        Obj o = new Obj("Opportunity", "Opportunity", "Opportunities", "006", false, false);
        o.head(false);
        o.f("AccountId", REFERENCE, "Account ID").references("Account", "Account").children("Opportunities");
        o.f("Name", STRING, "Name").length(120).required().nameField();
        o.f("Description", TEXTAREA, "Description").length(32000);
        o.f("StageName", PICKLIST, "Stage").required().picklist(OPPORTUNITY_STAGES);
        o.f("Amount", CURRENCY, "Amount");
        o.f("ExpectedRevenue", CURRENCY, "Expected Amount").calculated();
        o.f("Probability", PERCENT, "Probability (%)");
        o.f("CloseDate", DATE, "Close Date").required();
        o.f("Type", PICKLIST, "Opportunity Type").picklist("New Customer", "Existing Customer - Upgrade",
                "Existing Customer - Replacement", "Existing Customer - Downgrade");
        o.f("NextStep", STRING, "Next Step");
        o.f("LeadSource", PICKLIST, "Lead Source").picklist(LEAD_SOURCES);
        o.f("IsClosed", BOOLEAN, "Closed").readOnly();
        o.f("IsWon", BOOLEAN, "Won").readOnly();
        o.f("ForecastCategoryName", PICKLIST, "Forecast Category").picklist("Omitted", "Pipeline", "Best Case",
                "Commit", "Closed");
        o.f("CampaignId", REFERENCE, "Campaign ID").references("Campaign", "Campaign");
        o.f("ContactId", REFERENCE, "Contact ID").references("Contact", "Contact");
        o.owner();
        o.audit();
        o.f("LastActivityDate", DATE, "Last Activity").readOnly();
        register(o);
    }

    private void opportunityContactRole() {
        Obj o = new Obj("OpportunityContactRole", "Opportunity Contact Role", "Opportunity Contact Role", "00K",
                false, false);
        o.f("Id", ID, "Opportunity Contact Role ID");
        o.f("OpportunityId", REFERENCE, "Opportunity ID").required().createOnly().references("Opportunity", "Opportunity")
                .children("OpportunityContactRoles");
        o.f("ContactId", REFERENCE, "Contact ID").required().references("Contact", "Contact")
                .children("OpportunityContactRoles");
        o.f("Role", PICKLIST, "Role").picklist("Business User", "Decision Maker", "Economic Buyer",
                "Economic Decision Maker", "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other");
        o.f("IsPrimary", BOOLEAN, "Primary");
        o.audit();
        o.isDeleted();
        register(o);
    }

    private void accountContactRelation() {
        Obj o = new Obj("AccountContactRelation", "Account Contact Relationship", "Account Contact Relationships", "07k",
                false, false);
        o.f("Id", ID, "Account Contact Relationship ID");
        o.f("AccountId", REFERENCE, "Account ID").required().createOnly().references("Account", "Account")
                .children("AccountContactRelations");
        o.f("ContactId", REFERENCE, "Contact ID").required().createOnly().references("Contact", "Contact")
                .children("AccountContactRelations");
        o.f("Roles", MULTIPICKLIST, "Roles").length(4099).picklist("Business User", "Decision Maker",
                "Economic Buyer", "Economic Decision Maker", "Evaluator", "Executive Sponsor", "Influencer",
                "Technical Buyer", "Other");
        o.f("IsDirect", BOOLEAN, "Direct").readOnly();
        o.f("IsActive", BOOLEAN, "Active");
        o.f("StartDate", DATE, "Start Date");
        o.f("EndDate", DATE, "End Date");
        o.audit();
        o.isDeleted();
        register(o);
    }

    private void task() {
        Obj o = new Obj("Task", "Task", "Tasks", "00T", false, true);
        o.f("Id", ID, "Activity ID");
        o.f("WhoId", REFERENCE, "Name ID").references("Who", "Contact", "Lead").children("Tasks");
        o.f("WhatId", REFERENCE, "Related To ID").references("What", "Account", "Opportunity").children("Tasks");
        o.f("Subject", COMBOBOX, "Subject");
        o.f("ActivityDate", DATE, "Due Date Only");
        o.f("Status", PICKLIST, "Status").required().picklist("Not Started", "In Progress", "Completed",
                "Waiting on someone else", "Deferred").defaultValue("Not Started");
        o.f("Priority", PICKLIST, "Priority").required().picklist("High", "Normal", "Low").defaultValue("Normal");
        o.f("OwnerId", REFERENCE, "Assigned To ID").required().defaulted().references("Owner", "User");
        o.f("Description", TEXTAREA, "Description").length(32000);
        o.isDeleted();
        o.f("AccountId", REFERENCE, "Account ID").readOnly().references("Account", "Account");
        o.f("IsClosed", BOOLEAN, "Closed").readOnly();
        o.audit();
        o.f("IsArchived", BOOLEAN, "Archived").readOnly();
        o.f("CallDurationInSeconds", INT, "Call Duration").precision(8, 0);
        o.f("TaskSubtype", PICKLIST, "Task Subtype").createOnly().picklist("Task", "Email", "ListEmail", "Cadence",
                "Call");
        o.f("CompletedDateTime", DATETIME, "Completed Date/Time").readOnly();
        register(o);
    }

    private void event() {
        Obj o = new Obj("Event", "Event", "Events", "00U", false, true);
        o.f("Id", ID, "Activity ID");
        o.f("WhoId", REFERENCE, "Name ID").references("Who", "Contact", "Lead").children("Events");
        o.f("WhatId", REFERENCE, "Related To ID").references("What", "Account", "Opportunity").children("Events");
        o.f("Subject", COMBOBOX, "Subject");
        o.f("Location", STRING, "Location");
        o.f("IsAllDayEvent", BOOLEAN, "All-Day Event");
        o.f("ActivityDate", DATE, "Due Date Only");
        o.f("DurationInMinutes", INT, "Duration").precision(8, 0);
        o.f("StartDateTime", DATETIME, "Start Date Time");
        o.f("EndDateTime", DATETIME, "End Date Time");
        o.f("Description", TEXTAREA, "Description").length(32000);
        o.f("AccountId", REFERENCE, "Account ID").readOnly().references("Account", "Account");
        o.f("OwnerId", REFERENCE, "Assigned To ID").required().defaulted().references("Owner", "User");
        o.isDeleted();
        o.audit();
        o.f("IsArchived", BOOLEAN, "Archived").readOnly();
        o.f("EventSubtype", PICKLIST, "Event Subtype").createOnly().picklist("Event");
        register(o);
    }

    private void emailMessage() {
        Obj o = new Obj("EmailMessage", "Email Message", "Email Messages", "02s", false, false);
        o.f("Id", ID, "Email Message ID");
        o.f("ParentId", REFERENCE, "Case ID").references("Parent", "Case");
        o.f("ActivityId", REFERENCE, "Activity ID").references("Activity", "Task");
        o.audit();
        o.isDeleted();
        o.f("TextBody", TEXTAREA, "Text Body").length(131072);
        o.f("HtmlBody", TEXTAREA, "HTML Body").length(131072);
        o.f("Subject", TEXTAREA, "Subject").length(3000);
        o.f("FromName", STRING, "From Name").length(1000);
        o.f("FromAddress", EMAIL, "From Address");
        o.f("ToAddress", TEXTAREA, "To Address").length(4000);
        o.f("CcAddress", TEXTAREA, "CC Address").length(4000);
        o.f("Incoming", BOOLEAN, "Is Incoming");
        o.f("Status", PICKLIST, "Status").required().picklist("0", "1", "2", "3", "4", "5").defaultValue("0");
        o.f("MessageDate", DATETIME, "Message Date");
        o.f("RelatedToId", REFERENCE, "Related To ID").references("RelatedTo", "Account", "Opportunity")
                .children("Emails");
        o.f("ThreadIdentifier", STRING, "Thread Identifier");
        register(o);
    }

    private void note() {
        Obj o = new Obj("Note", "Note", "Notes", "002", false, false);
        o.f("Id", ID, "Note ID");
        o.isDeleted();
        o.f("ParentId", REFERENCE, "Parent ID").required().createOnly()
                .references("Parent", "Account", "Contact", "Lead", "Opportunity").children("Notes");
        o.f("Title", STRING, "Title").length(80).required().nameField();
        o.f("IsPrivate", BOOLEAN, "Private");
        o.f("Body", TEXTAREA, "Body").length(32000);
        o.owner();
        o.audit();
        register(o);
    }

    private void user() {
        Obj o = new Obj("User", "User", "Users", "005", false, false);
        o.f("Id", ID, "User ID");
        o.f("Username", STRING, "Username").length(80).required().unique().idLookup();
        o.f("LastName", STRING, "Last Name").length(80).required().compoundOf("Name");
        o.f("FirstName", STRING, "First Name").length(40).compoundOf("Name");
        o.f("Name", STRING, "Full Name").length(121).readOnly().nameField().required();
        o.f("Title", STRING, "Title").length(80);
        o.f("Email", EMAIL, "Email").length(128).required();
        o.f("Alias", STRING, "Alias").length(8).required();
        o.f("IsActive", BOOLEAN, "Active");
        o.f("UserRoleId", REFERENCE, "Role ID").references("UserRole", "UserRole");
        o.f("ProfileId", REFERENCE, "Profile ID").required().references("Profile", "Profile");
        o.f("UserType", PICKLIST, "User Type").readOnly().picklist("Standard", "PowerPartner", "CsnOnly", "Guest");
        o.f("ManagerId", REFERENCE, "Manager ID").references("Manager", "User").children("ManagedUsers");
        o.audit();
        register(o);
    }

    // ---- wiring ---------------------------------------------------------------------------------

    private void register(Obj o) {
        o.flush();
        byLowerName.put(o.def.name().toLowerCase(Locale.ROOT), o.def);
    }

    /** Lists each reference on its target's describe and keeps references to unmodelled objects as text. */
    private void linkChildRelationships() {
        for (ObjectDef child : objects()) {
            for (FieldDef f : child.fields()) {
                if (f.type() != REFERENCE) {
                    continue;
                }
                boolean allModelled = true;
                for (String target : f.referenceTo()) {
                    ObjectDef parent = object(target);
                    if (parent == null) {
                        allModelled = false;
                        continue;
                    }
                    // Required parent references behave like master-detail: deleting the parent deletes these.
                    boolean cascade = !f.nillable() && !"OwnerId".equals(f.name()) && !f.name().endsWith("ById");
                    parent.addChild(new ObjectDef.ChildRelationship(child.name(), f.name(), f.childRelationshipName(),
                            cascade));
                }
                if (!allModelled) {
                    f.storeAsText();
                }
            }
        }
    }

    /** Builds one object, adding Salesforce's standard system fields where they belong. */
    private static final class Obj {
        final ObjectDef def;
        private final List<FieldBuilder> pending = new ArrayList<>();

        Obj(String name, String label, String plural, String prefix, boolean mergeable, boolean activity) {
            def = new ObjectDef(name, label, plural, prefix, mergeable, activity);
        }

        FieldBuilder f(String name, FieldType type, String label) {
            FieldBuilder b = new FieldBuilder(name, type, label);
            // Built when the object is registered, so the fluent calls after f(...) still apply.
            pending.add(b);
            return b;
        }

        void head(boolean mergeable) {
            f("Id", ID, def.label() + " ID");
            isDeleted();
            if (mergeable) {
                f("MasterRecordId", REFERENCE, "Master Record ID").readOnly().references("MasterRecord", def.name());
            }
        }

        void isDeleted() {
            f("IsDeleted", BOOLEAN, "Deleted").readOnly();
        }

        void owner() {
            f("OwnerId", REFERENCE, "Owner ID").required().defaulted().references("Owner", "User");
        }

        void audit() {
            f("CreatedDate", DATETIME, "Created Date").system();
            f("CreatedById", REFERENCE, "Created By ID").system().references("CreatedBy", "User");
            f("LastModifiedDate", DATETIME, "Last Modified Date").system();
            f("LastModifiedById", REFERENCE, "Last Modified By ID").system().references("LastModifiedBy", "User");
            f("SystemModstamp", DATETIME, "System Modstamp").system();
        }

        /** Street/City/State/PostalCode/Country/Latitude/Longitude/GeocodeAccuracy plus the compound. */
        void address(String prefix, String labelPrefix) {
            String compound = prefix + "Address";
            String lp = labelPrefix.isEmpty() ? "" : labelPrefix + " ";
            f(prefix + "Street", TEXTAREA, lp + "Street").compoundOf(compound);
            f(prefix + "City", STRING, lp + "City").length(40).compoundOf(compound);
            f(prefix + "State", STRING, lp + "State/Province").length(80).compoundOf(compound);
            f(prefix + "PostalCode", STRING, lp + "Zip/Postal Code").length(20).compoundOf(compound);
            f(prefix + "Country", STRING, lp + "Country").length(80).compoundOf(compound);
            f(prefix + "Latitude", DOUBLE, lp + "Latitude").precision(18, 15).compoundOf(compound);
            f(prefix + "Longitude", DOUBLE, lp + "Longitude").precision(18, 15).compoundOf(compound);
            f(prefix + "GeocodeAccuracy", PICKLIST, lp + "Geocode Accuracy").picklist(GEOCODE_ACCURACY)
                    .compoundOf(compound);
            f(compound, ADDRESS, labelPrefix.isEmpty() ? "Address" : labelPrefix + " Address");
        }

        private void flush() {
            for (FieldBuilder b : pending) {
                def.add(b.build());
            }
            pending.clear();
        }
    }

}
