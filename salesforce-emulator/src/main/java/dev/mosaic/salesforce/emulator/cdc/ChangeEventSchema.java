package dev.mosaic.salesforce.emulator.cdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Avro schema of one object's change events ({@code AccountChangeEvent}, namespace {@code com.sforce.eventbus}):
 * the {@code ChangeEventHeader} first, then the object's fields in describe order, each {@code ["null", T]}. An
 * address or a person's name is one nested record of its parts, as Salesforce sends it; the record id (it is in the
 * header), {@code IsDeleted}, {@code SystemModstamp} and fields Salesforce derives ({@code LastActivityDate}) are left
 * out. Dates and datetimes are epoch milliseconds. The schema id is a digest of the schema, so it changes when the
 * fields do.
 */
public final class ChangeEventSchema {

    /** The change types in the order of the schema's enum: {@code UPDATE} encodes as 1. */
    public static final List<String> CHANGE_TYPES = List.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE",
            "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT");
    private static final Set<String> LEFT_OUT = Set.of("Id", "IsDeleted", "SystemModstamp", "LastActivityDate");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A top-level field of the event body: a plain field, or a compound with its parts. */
    public record Field(String name, FieldDef plain, FieldDef compound, List<Part> parts) {

        boolean isCompound() {
            return compound != null;
        }
    }

    /** A part of a compound, under the name it has inside the nested record ({@code Street} of {@code BillingAddress}). */
    public record Part(String name, FieldDef field) {
    }

    private final ObjectDef object;
    private final List<Field> fields;
    private final String json;
    private final String id;

    private ChangeEventSchema(ObjectDef object) {
        this.object = object;
        this.fields = bodyFields(object);
        this.json = render();
        this.id = digest(json);
    }

    public static ChangeEventSchema of(ObjectDef object) {
        return new ChangeEventSchema(object);
    }

    public ObjectDef object() {
        return object;
    }

    /** The body's fields; the header is at position 0, so field {@code i} here is at position {@code i + 1}. */
    public List<Field> fields() {
        return fields;
    }

    public String json() {
        return json;
    }

    public String id() {
        return id;
    }

    public String eventName() {
        return object.name() + "ChangeEvent";
    }

    private static List<Field> bodyFields(ObjectDef object) {
        Set<String> compounds = new HashSet<>();
        object.fields().forEach(f -> {
            if (f.compoundFieldName() != null) {
                compounds.add(f.compoundFieldName());
            }
        });
        List<Field> fields = new ArrayList<>();
        for (FieldDef f : object.fields()) {
            if (LEFT_OUT.contains(f.name()) || f.compoundFieldName() != null) {
                continue;
            }
            if (compounds.contains(f.name())) {
                String prefix = f.type() == FieldType.ADDRESS ? f.name().substring(0, f.name().length() - "Address".length()) : "";
                List<Part> parts = new ArrayList<>();
                for (FieldDef part : object.compoundParts(f)) {
                    parts.add(new Part(part.name().startsWith(prefix) ? part.name().substring(prefix.length()) : part.name(), part));
                }
                fields.add(new Field(f.name(), null, f, parts));
            } else if (f.column() >= 0) {
                fields.add(new Field(f.name(), f, null, List.of()));
            }
        }
        return fields;
    }

    private String render() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode schema = nodes.objectNode().put("type", "record").put("name", eventName())
                .put("namespace", "com.sforce.eventbus");
        ArrayNode top = schema.putArray("fields");
        top.addObject().put("name", "ChangeEventHeader").set("type", header(nodes));
        Set<String> namedRecords = new HashSet<>();
        for (Field field : fields) {
            ObjectNode node = top.addObject().put("name", field.name());
            ArrayNode union = node.putArray("type").add("null");
            if (field.isCompound()) {
                String recordName = field.compound().type() == FieldType.ADDRESS ? "Address" : "PersonName";
                if (namedRecords.add(recordName)) {
                    ObjectNode nested = union.addObject().put("type", "record").put("name", recordName);
                    ArrayNode parts = nested.putArray("fields");
                    field.parts().forEach(part -> parts.addObject().put("name", part.name())
                            .put("doc", "Data:" + part.field().type().apiName())
                            .putNull("default").putArray("type").add("null").add(avroType(part.field())));
                } else {
                    union.add(recordName);
                }
            } else {
                union.add(avroType(field.plain()));
                node.put("doc", "Data:" + field.plain().type().apiName());
            }
            node.putNull("default");
        }
        try {
            return JSON.writeValueAsString(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode header(JsonNodeFactory nodes) {
        ObjectNode header = nodes.objectNode().put("type", "record").put("name", "ChangeEventHeader");
        ArrayNode fields = header.putArray("fields");
        fields.addObject().put("name", "entityName").put("type", "string");
        fields.addObject().put("name", "recordIds").set("type", nodes.objectNode().put("type", "array").put("items", "string"));
        ObjectNode changeType = nodes.objectNode().put("type", "enum").put("name", "ChangeType");
        CHANGE_TYPES.forEach(changeType.putArray("symbols")::add);
        fields.addObject().put("name", "changeType").set("type", changeType);
        fields.addObject().put("name", "changeOrigin").put("type", "string");
        fields.addObject().put("name", "transactionKey").put("type", "string");
        fields.addObject().put("name", "sequenceNumber").put("type", "int");
        fields.addObject().put("name", "commitTimestamp").put("type", "long");
        fields.addObject().put("name", "commitNumber").put("type", "long");
        fields.addObject().put("name", "commitUser").put("type", "string");
        for (String bitmap : List.of("nulledFields", "diffFields", "changedFields")) {
            fields.addObject().put("name", bitmap).set("type", nodes.objectNode().put("type", "array").put("items", "string"));
        }
        return header;
    }

    /** The Avro type a field's values take. */
    static String avroType(FieldDef field) {
        if (field.storage() == FieldType.Storage.REF) {
            return "string";
        }
        return switch (field.type()) {
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case DOUBLE, CURRENCY, PERCENT -> "double";
            case DATE, DATETIME -> "long";
            default -> "string";
        };
    }

    private static String digest(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
