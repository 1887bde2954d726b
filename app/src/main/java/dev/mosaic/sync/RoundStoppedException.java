package dev.mosaic.sync;

/** The app is stopping: the round ends after its last committed chunk, and the next run resumes from there. */
final class RoundStoppedException extends RuntimeException {

    RoundStoppedException() {
        super("The app is stopping", null, false, false);
    }
}
