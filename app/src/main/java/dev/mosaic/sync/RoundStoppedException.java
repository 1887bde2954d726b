package dev.mosaic.sync;

/**
 * The app is stopping, or the connection was disconnected: the round or stream ends after its last committed chunk, and
 * the next run resumes from there (or, disconnected, ends for good).
 */
final class RoundStoppedException extends RuntimeException {

    RoundStoppedException() {
        this("The app is stopping");
    }

    RoundStoppedException(String why) {
        super(why, null, false, false);
    }
}
