package dev.mosaic.salesforce.emulator.bulk;

/**
 * Bulk API 2.0 job states. Ingest jobs start Open (they wait for their data); query jobs start UploadComplete.
 */
public enum JobState {
    Open, UploadComplete, InProgress, JobComplete, Failed, Aborted;

    boolean isTerminal() {
        return this == JobComplete || this == Failed || this == Aborted;
    }
}
