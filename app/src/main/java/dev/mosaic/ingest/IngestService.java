package dev.mosaic.ingest;

import dev.mosaic.platform.errors.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.GraphWriter;
import dev.mosaic.graph.SourceRecordInput;
import dev.mosaic.graph.UpsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes what another system says about customers (a JSON batch of organizations, contacts, deals,
 * interactions and notes, each with its {@code externalId} in that source) into the customer graph.
 * Idempotent: the same batch twice changes nothing the second time. Every item is checked first; the valid
 * ones are written in one transaction, so a batch is either saved (all its valid items) or not at all.
 */
@Service
public class IngestService {

    /** Sources that other code owns: the Salesforce sync, and people's own edits. */
    public static final Set<String> RESERVED_SOURCES = Set.of("salesforce", "mosaic");
    public static final int MAX_ITEMS = 10_000;
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final GraphWriter graph;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IngestService(GraphWriter graph, TransactionTemplate transaction, Clock clock) {
        this.graph = graph;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Validates every item, writes the valid ones as one chunk of the graph's batch path, and says what happened
     * to each. Joins the caller's transaction when there is one (an import commits its progress with the chunk).
     */
    public IngestSummary ingest(String tenantId, String source, JsonNode batch) {
        Parsed parsed = parse(source, batch);
        return transaction.execute(status -> write(tenantId, parsed));
    }

    /** The same validation as {@link #ingest}, writing nothing: for previews and dry runs. */
    public IngestSummary validate(String tenantId, String source, JsonNode batch) {
        Parsed parsed = parse(source, batch);
        return new IngestSummary(parsed.received, 0, 0, 0, 0, parsed.rejected);
    }

    public static void requireValidSource(String source) {
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new InvalidInputException("A source name is 1 to 40 characters of a-z, 0-9 and '-', like 'hubspot'; got '"
                    + source + "'");
        }
        if (RESERVED_SOURCES.contains(source)) {
            throw new InvalidInputException("The source name '" + source + "' is reserved; pick the name of your system");
        }
    }

    private Parsed parse(String source, JsonNode batch) {
        requireValidSource(source);
        if (batch == null || !batch.isObject()) {
            throw new InvalidInputException("The batch must be a JSON object with arrays such as \"organizations\" and \"contacts\"");
        }
        int size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> arrays = batch.fields(); arrays.hasNext(); ) {
            Map.Entry<String, JsonNode> array = arrays.next();
            if (Arrays.stream(IngestKind.values()).noneMatch(kind -> kind.arrayName.equals(array.getKey()))) {
                throw new InvalidInputException("Unknown array '" + array.getKey() + "'; a batch has users, organizations, "
                        + "contacts, leads, deals, interactions and notes");
            }
            if (!array.getValue().isNull() && !array.getValue().isArray()) {
                throw new InvalidInputException("'" + array.getKey() + "' must be an array");
            }
            size += array.getValue().size();
        }
        if (size > MAX_ITEMS) {
            throw new InvalidInputException("A batch holds at most " + MAX_ITEMS + " items; this one has " + size
                    + ". Send it in several batches.");
        }
        Instant now = clock.instant();
        Parsed parsed = new Parsed();
        for (IngestKind kind : IngestKind.values()) {
            JsonNode items = batch.path(kind.arrayName);
            Set<String> seen = new HashSet<>();
            for (int index = 0; index < items.size(); index++) {
                parsed.received++;
                JsonNode item = items.get(index);
                String externalId = item != null && item.hasNonNull("externalId") ? item.get("externalId").asText() : null;
                try {
                    SourceRecordInput record = IngestItems.read(kind, source, item, now);
                    if (!seen.add(record.ref().externalId())) {
                        throw new InvalidItemException("externalId", "externalId '" + externalId
                                + "' appears twice in " + kind.arrayName + "; send each item once");
                    }
                    parsed.valid.add(record);
                    parsed.positions.add(new Position(kind.arrayName, index, externalId));
                } catch (InvalidItemException e) {
                    parsed.rejected.add(new IngestSummary.Rejection(kind.arrayName, index, externalId, e.field(), e.getMessage()));
                }
            }
        }
        return parsed;
    }

    private IngestSummary write(String tenantId, Parsed parsed) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int merged = 0;
        List<IngestSummary.Rejection> rejected = new ArrayList<>(parsed.rejected);
        List<UpsertResult> results = parsed.valid.isEmpty() ? List.of() : graph.upsertAll(tenantId, parsed.valid);
        for (int i = 0; i < results.size(); i++) {
            UpsertResult result = results.get(i);
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected.add(parsed.positions.get(i).rejection(result.reason()));
            }
            if (result.merged()) {
                merged++;
            }
        }
        rejected.sort(Comparator.comparingInt((IngestSummary.Rejection r) -> IngestKind.ordinalOf(r.kind()))
                .thenComparingInt(IngestSummary.Rejection::index));
        return new IngestSummary(parsed.received, created, updated, unchanged, merged, List.copyOf(rejected));
    }

    /** Where a valid item stood in the batch, so the graph's refusal of it can name it as the caller knows it. */
    private record Position(String kind, int index, String externalId) {
        IngestSummary.Rejection rejection(String reason) {
            return new IngestSummary.Rejection(kind, index, externalId, null, reason);
        }
    }

    private static final class Parsed {
        int received;
        final List<SourceRecordInput> valid = new ArrayList<>();
        final List<Position> positions = new ArrayList<>();
        final List<IngestSummary.Rejection> rejected = new ArrayList<>();
    }
}
