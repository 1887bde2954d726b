package dev.mosaic.salesforce.emulator.org.schema;

/** Salesforce field types as describe names them, with their SOAP type and how the store keeps them. */
public enum FieldType {
    ID("id", "tns:ID", Storage.REF),
    REFERENCE("reference", "tns:ID", Storage.REF),
    STRING("string", "xsd:string", Storage.TEXT),
    TEXTAREA("textarea", "xsd:string", Storage.TEXT),
    PICKLIST("picklist", "xsd:string", Storage.TEXT),
    MULTIPICKLIST("multipicklist", "xsd:string", Storage.TEXT),
    COMBOBOX("combobox", "xsd:string", Storage.TEXT),
    EMAIL("email", "xsd:string", Storage.TEXT),
    PHONE("phone", "xsd:string", Storage.TEXT),
    URL("url", "xsd:string", Storage.TEXT),
    BOOLEAN("boolean", "xsd:boolean", Storage.BOOLEAN),
    INT("int", "xsd:int", Storage.LONG),
    DOUBLE("double", "xsd:double", Storage.DOUBLE),
    CURRENCY("currency", "xsd:double", Storage.DOUBLE),
    PERCENT("percent", "xsd:double", Storage.DOUBLE),
    DATE("date", "xsd:date", Storage.LONG),
    DATETIME("datetime", "xsd:dateTime", Storage.LONG),
    BASE64("base64", "xsd:base64Binary", Storage.TEXT),
    ADDRESS("address", "urn:address", Storage.NONE),
    LOCATION("location", "urn:location", Storage.NONE);

    /** How values of a type are kept in a column. */
    public enum Storage { REF, TEXT, BOOLEAN, LONG, DOUBLE, NONE }

    private final String apiName;
    private final String soapType;
    private final Storage storage;

    FieldType(String apiName, String soapType, Storage storage) {
        this.apiName = apiName;
        this.soapType = soapType;
        this.storage = storage;
    }

    public String apiName() {
        return apiName;
    }

    public String soapType() {
        return soapType;
    }

    public Storage storage() {
        return storage;
    }

    public boolean isText() {
        return storage == Storage.TEXT;
    }

    public boolean isNumeric() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    /** Compound types Bulk refuses and that are read-only views over their component fields. */
    public boolean isCompound() {
        return this == ADDRESS || this == LOCATION;
    }
}
