package dev.mosaic.bench.graphload;

/** The arrays of an ingest batch the generator fills, in the order the API writes them, and their object names. */
enum ItemKind {
    ORGANIZATIONS("organizations", "organization"),
    CONTACTS("contacts", "contact"),
    DEALS("deals", "deal"),
    INTERACTIONS("interactions", "interaction"),
    NOTES("notes", "note");

    final String arrayName;
    final String objectName;

    ItemKind(String arrayName, String objectName) {
        this.arrayName = arrayName;
        this.objectName = objectName;
    }
}
