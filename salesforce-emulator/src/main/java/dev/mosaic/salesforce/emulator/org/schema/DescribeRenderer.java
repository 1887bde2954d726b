package dev.mosaic.salesforce.emulator.org.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders describe results with Salesforce's keys (alphabetical, as the API emits them), leaving out
 * fields the user cannot read.
 */
public final class DescribeRenderer {
    private DescribeRenderer() {
    }

    /** One entry of {@code GET /sobjects/} (also {@code objectDescribe} in basic info). */
    public static Map<String, Object> globalEntry(ObjectDef o, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean user = o.name().equals("User");
        m.put("activateable", false);
        m.put("associateEntityType", null);
        m.put("associateParentEntity", null);
        m.put("createable", true);
        m.put("custom", false);
        m.put("customSetting", false);
        m.put("deepCloneable", false);
        m.put("deletable", !user);
        m.put("deprecatedAndHidden", false);
        m.put("feedEnabled", !o.activity() && !o.name().equals("EmailMessage") && !o.name().equals("Note")
                && !o.name().equals("OpportunityContactRole") && !o.name().equals("AccountContactRelation"));
        m.put("hasSubtypes", false);
        m.put("isInterface", false);
        m.put("isSubtype", false);
        m.put("keyPrefix", o.keyPrefix());
        m.put("label", o.label());
        m.put("labelPlural", o.labelPlural());
        m.put("layoutable", true);
        m.put("mergeable", o.mergeable());
        m.put("mruEnabled", true);
        m.put("name", o.name());
        m.put("queryable", true);
        m.put("replicateable", true);
        m.put("retrieveable", true);
        m.put("searchable", !o.name().equals("OpportunityContactRole") && !o.name().equals("AccountContactRelation"));
        m.put("triggerable", true);
        m.put("undeletable", !user);
        m.put("updateable", true);
        m.put("urls", urls(o, version));
        return m;
    }

    private static Map<String, Object> urls(ObjectDef o, String version) {
        String base = "/services/data/v" + version + "/sobjects/" + o.name();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("rowTemplate", base + "/{ID}");
        urls.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
        urls.put("describe", base + "/describe");
        urls.put("sobject", base);
        return urls;
    }

    /** {@code GET /sobjects/X/describe}. */
    public static Map<String, Object> describe(ObjectDef o, boolean restrictedUser, String version) {
        Map<String, Object> m = new LinkedHashMap<>(globalEntry(o, version));
        m.remove("urls");
        m.put("actionOverrides", List.of());
        List<Map<String, Object>> children = new ArrayList<>();
        for (ObjectDef.ChildRelationship c : o.childRelationships()) {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("cascadeDelete", c.cascadeDelete());
            child.put("childSObject", c.childSObject());
            child.put("deprecatedAndHidden", false);
            child.put("field", c.field());
            child.put("junctionIdListNames", List.of());
            child.put("junctionReferenceTo", List.of());
            child.put("relationshipName", c.relationshipName());
            child.put("restrictedDelete", false);
            children.add(child);
        }
        m.put("childRelationships", children);
        m.put("compactLayoutable", true);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDef f : o.fields()) {
            if (f.visibleTo(restrictedUser)) {
                fields.add(field(f));
            }
        }
        m.put("fields", fields);
        m.put("listviewable", null);
        m.put("lookupLayoutable", null);
        m.put("namedLayoutInfos", List.of());
        m.put("networkScopeFieldName", null);
        Map<String, Object> master = new LinkedHashMap<>();
        master.put("active", true);
        master.put("available", true);
        master.put("defaultRecordTypeMapping", true);
        master.put("developerName", "Master");
        master.put("master", true);
        master.put("name", "Master");
        master.put("recordTypeId", "012000000000000AAA");
        master.put("urls", Map.of("layout", "/services/data/v" + version + "/sobjects/" + o.name()
                + "/describe/layouts/012000000000000AAA"));
        m.put("recordTypeInfos", List.of(master));
        m.put("searchLayoutable", true);
        m.put("sobjectDescribeOption", "FULL");
        m.put("supportedScopes", List.of(Map.of("label", "All " + o.labelPlural().toLowerCase(), "name", "everything")));
        Map<String, Object> urls = new LinkedHashMap<>(urls(o, version));
        m.put("urls", urls);
        return sortKeys(m);
    }

    /** One field descriptor with every key Salesforce sends, in its (alphabetical) order. */
    public static Map<String, Object> field(FieldDef f) {
        FieldType t = f.type();
        Map<String, Object> m = new LinkedHashMap<>();
        boolean text = t.isText();
        m.put("aggregatable", f.aggregatable());
        m.put("aiPredictionField", false);
        m.put("autoNumber", false);
        m.put("byteLength", text || t == FieldType.ID || t == FieldType.REFERENCE ? f.length() * (t == FieldType.ID
                || t == FieldType.REFERENCE ? 1 : 3) : 0);
        m.put("calculated", f.calculated());
        m.put("calculatedFormula", null);
        m.put("cascadeDelete", false);
        m.put("caseSensitive", false);
        m.put("compoundFieldName", f.compoundFieldName());
        m.put("controllerName", null);
        m.put("createable", f.createable());
        m.put("custom", false);
        m.put("defaultValue", t == FieldType.BOOLEAN ? Boolean.FALSE : null);
        m.put("defaultValueFormula", null);
        m.put("defaultedOnCreate", f.defaultedOnCreate());
        m.put("dependentPicklist", false);
        m.put("deprecatedAndHidden", false);
        m.put("digits", t == FieldType.INT ? 9 : 0);
        m.put("displayLocationInDecimal", false);
        m.put("encrypted", false);
        m.put("externalId", f.externalId());
        m.put("extraTypeInfo", t == FieldType.TEXTAREA ? "plaintextarea" : null);
        m.put("filterable", f.filterable());
        m.put("filteredLookupInfo", null);
        m.put("formulaTreatNullNumberAsZero", false);
        m.put("groupable", f.groupable());
        m.put("highScaleNumber", false);
        m.put("htmlFormatted", false);
        m.put("idLookup", f.idLookup());
        m.put("inlineHelpText", null);
        m.put("label", f.label());
        m.put("length", text ? f.length() : t == FieldType.ID || t == FieldType.REFERENCE ? 18 : 0);
        m.put("mask", null);
        m.put("maskType", null);
        m.put("name", f.name());
        m.put("nameField", f.nameField());
        m.put("namePointing", f.polymorphic());
        m.put("nillable", f.nillable());
        m.put("permissionable", f.nillable() && !f.calculated() && f.createable());
        List<Map<String, Object>> picklist = new ArrayList<>();
        for (String v : f.picklistValues()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("active", true);
            p.put("defaultValue", v.equals(f.defaultPicklistValue()));
            p.put("label", v);
            p.put("validFor", null);
            p.put("value", v);
            picklist.add(p);
        }
        m.put("picklistValues", picklist);
        m.put("polymorphicForeignKey", f.polymorphic());
        m.put("precision", t.isNumeric() && t != FieldType.INT ? f.precision() : 0);
        m.put("queryByDistance", false);
        m.put("referenceTargetField", null);
        m.put("referenceTo", f.referenceTo());
        m.put("relationshipName", f.relationshipName());
        m.put("relationshipOrder", null);
        m.put("restrictedDelete", false);
        m.put("restrictedPicklist", false);
        m.put("scale", t.isNumeric() && t != FieldType.INT ? f.scale() : 0);
        m.put("searchPrefilterable", t == FieldType.REFERENCE);
        m.put("soapType", t.soapType());
        m.put("sortable", f.sortable());
        m.put("type", t.apiName());
        m.put("unique", f.unique());
        m.put("updateable", f.updateable());
        m.put("writeRequiresMasterRead", false);
        return m;
    }

    private static Map<String, Object> sortKeys(Map<String, Object> m) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        m.keySet().stream().sorted().forEach(k -> sorted.put(k, m.get(k)));
        return sorted;
    }
}
