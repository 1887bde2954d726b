package dev.mosaic.identity.truth;

/** The two kinds of record the truth set holds, named as Mosaic's ingest batch and external-id path name them. */
enum RecordType {
    ORGANIZATION("organization", "organizations"),
    CONTACT("contact", "contacts");

    /** The {@code {object}} segment of {@code GET /api/v1/external/{source}/{object}/{externalId}}. */
    final String object;
    /** The array of the ingest batch that carries this kind. */
    final String batchArray;

    RecordType(String object, String batchArray) {
        this.object = object;
        this.batchArray = batchArray;
    }
}
