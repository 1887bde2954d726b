package dev.mosaic.salesforce.emulator.bulk;

/** Bulk API 2.0 query job states. */
public enum JobState {
    UploadComplete, InProgress, JobComplete, Failed, Aborted;

    boolean isTerminal() {
        return this == JobComplete || this == Failed || this == Aborted;
    }
}
