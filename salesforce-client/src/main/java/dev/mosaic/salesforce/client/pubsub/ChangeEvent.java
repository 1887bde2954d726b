package dev.mosaic.salesforce.client.pubsub;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Change Data Capture event, decoded: which records of which object changed how, in which transaction, and the
 * values it carries under their REST names ({@code BillingCity}, not {@code BillingAddress.City}). A create or an
 * undelete carries every field with a value; an update only {@code changedFields}, of which {@code nulledFields} were
 * set to null (present in {@code values} as null); a delete and a gap carry none. Dates and datetimes are epoch
 * milliseconds, as the event holds them.
 *
 * @param changeType CREATE, UPDATE, DELETE, UNDELETE, or a gap: GAP_CREATE… and GAP_OVERFLOW
 */
public record ChangeEvent(String entity, String changeType, List<String> recordIds, String transactionKey,
                          int sequenceNumber, Instant committedAt, String commitUser, Set<String> changedFields,
                          Set<String> nulledFields, Map<String, Object> values, ReplayId replayId) {

    /** The record id of an overflow: the change of many records the event could not name. */
    public static final String OVERFLOW_RECORD = "000000000000000AAA";

    /** A gap: records changed in a way no event could carry; they must be read again. */
    public boolean isGap() {
        return changeType.startsWith("GAP_") && !isOverflow();
    }

    /** An overflow: more changes than events in one transaction; the whole object must be read again. */
    public boolean isOverflow() {
        return "GAP_OVERFLOW".equals(changeType);
    }
}
