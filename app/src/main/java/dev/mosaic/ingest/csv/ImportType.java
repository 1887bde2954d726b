package dev.mosaic.ingest.csv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one CSV file holds, the ingest batch array its rows become, the fields a column may be mapped to,
 * and the header names recognized for each field when no mapping is given.
 */
public enum ImportType {

    ORGANIZATIONS("organizations", List.of(
            field("externalId", "id", "external id", "account id", "organization id", "company id"),
            field("name", "company", "company name", "organization", "organisation", "organization name",
                    "account", "account name"),
            field("domain", "company domain", "domain name"),
            field("website", "url", "web site", "homepage"),
            field("phone", "phone number", "telephone", "main phone"),
            field("industry", "sector"),
            field("street", "address", "street address", "address 1", "address line 1", "billing street"),
            field("city", "town", "billing city"),
            field("postalCode", "postal code", "postcode", "zip", "zip code", "billing zip/postal code",
                    "billing postal code"),
            field("state", "province", "region", "state/province", "billing state/province", "billing state"),
            field("country", "country/region", "billing country"))),

    CONTACTS("contacts", List.of(
            field("externalId", "id", "external id", "contact id", "person id"),
            field("firstName", "first name", "given name"),
            field("lastName", "last name", "surname", "family name"),
            field("email", "e-mail", "email address", "e-mail address", "work email"),
            field("phone", "mobile", "phone number", "telephone", "work phone"),
            field("mobilePhone", "mobile phone", "cell", "cell phone"),
            field("title", "job title", "position"),
            field("organization", "company id", "organization id", "organisation id", "account id"),
            // A contact list's "Company"/"Organization" column almost always holds a name, not an id: a
            // name taken for an id would link the contact to nothing, so those headers go to display only.
            field("organizationName", "company", "company name", "organization", "organisation",
                    "organization name", "account", "account name"),
            field("street", "address", "street address", "address 1", "address line 1", "mailing street"),
            field("city", "town", "mailing city"),
            field("postalCode", "postal code", "postcode", "zip", "zip code", "mailing zip/postal code",
                    "mailing postal code"),
            field("state", "province", "region", "state/province", "mailing state/province", "mailing state"),
            field("country", "country/region", "mailing country"),
            field("birthdate", "birthday", "date of birth", "birth date", "dob")));

    /** The fields a row gives as the parts of one {@code address} (see the ingest API). */
    static final List<String> ADDRESS_PARTS = List.of("street", "city", "postalCode", "state", "country");

    private final String batchKey;
    private final List<String> fields;
    private final Map<String, String> fieldByNormalizedHeader;

    ImportType(String batchKey, List<TargetField> targetFields) {
        this.batchKey = batchKey;
        this.fields = targetFields.stream().map(TargetField::name).toList();
        Map<String, String> byHeader = new HashMap<>();
        for (TargetField field : targetFields) {
            field.synonyms().forEach(synonym -> byHeader.put(HeaderNames.normalize(synonym), field.name()));
        }
        // A header spelled like the field itself means that field, except where a synonym above
        // deliberately claims it (contacts' "organization").
        for (TargetField field : targetFields) {
            byHeader.putIfAbsent(HeaderNames.normalize(field.name()), field.name());
        }
        this.fieldByNormalizedHeader = Map.copyOf(byHeader);
    }

    private record TargetField(String name, List<String> synonyms) {
    }

    private static TargetField field(String name, String... synonyms) {
        return new TargetField(name, List.of(synonyms));
    }

    /** The {@code type} parameter's value, which is also the batch array the rows go into. */
    public String batchKey() {
        return batchKey;
    }

    /** The Mosaic fields a column may be mapped to, in the order the API documents them. */
    public List<String> fields() {
        return fields;
    }

    public boolean hasField(String field) {
        return fields.contains(field);
    }

    /** The field a header means when the user gave no mapping, if any. */
    Optional<String> fieldForHeader(String header) {
        return Optional.ofNullable(fieldByNormalizedHeader.get(HeaderNames.normalize(header)));
    }

    public static Optional<ImportType> fromBatchKey(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.batchKey.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return batchKey;
    }
}
