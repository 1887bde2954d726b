package dev.mosaic.salesforce.client.pubsub;

import java.util.List;

/** What a subscription hears. Called on one thread at a time, in order. */
public interface ChangeListener {

    /**
     * Events in replay order, or none (a keepalive), and the replay id the stream has reached: storing it (with what
     * the events changed) is where to resume.
     */
    void onEvents(List<ChangeEvent> events, ReplayId latest);

    /** The stream ended with this failure; nothing more comes on it. */
    void onError(PubSubException failure);
}
