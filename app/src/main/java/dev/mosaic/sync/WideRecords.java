package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.salesforce.client.QueryPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Completes records read with the first of their {@link FieldGroups}: the other groups, read by id and stitched on. */
final class WideRecords {

    /** Ids per query: with their quotes and commas, about 4 KB of the URI. */
    static final int IDS_PER_QUERY = 200;

    private WideRecords() {
    }

    /** Every record of a query from its first page on, page after page, whole (every field group read), as rows. */
    static List<SalesforceRow> rows(ApiCalls api, String object, ObjectSchema schema, FieldGroups groups, QueryPage first) {
        List<SalesforceRow> rows = new ArrayList<>();
        QueryPage page = first;
        while (true) {
            complete(api, object, groups, page.records()).forEach(record -> rows.add(SalesforceRow.fromJson(schema, record)));
            if (page.nextRecordsUrl() == null) {
                return rows;
            }
            QueryPage current = page;
            page = api.call("read the next page of " + object, () -> api.client().next(current));
        }
    }

    static List<JsonNode> complete(ApiCalls api, String object, FieldGroups groups, List<JsonNode> records) {
        if (!groups.split() || records.isEmpty()) {
            return records;
        }
        List<ObjectNode> whole = new ArrayList<>(records.size());
        Map<String, ObjectNode> byId = new HashMap<>();
        for (JsonNode record : records) {
            ObjectNode copy = record.deepCopy();
            whole.add(copy);
            byId.put(copy.path("Id").asText(), copy);
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        for (List<String> group : groups.rest()) {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String soql = Soql.byIds(object, group, some);
                QueryPage page = api.call("read more fields of " + object, () -> api.client().queryAll(soql));
                while (true) {
                    for (JsonNode part : page.records()) {
                        ObjectNode target = byId.get(part.path("Id").asText());
                        if (target != null) {
                            part.fields().forEachRemaining(field -> {
                                if (!field.getKey().equals("attributes")) {
                                    target.set(field.getKey(), field.getValue());
                                }
                            });
                        }
                    }
                    if (page.nextRecordsUrl() == null) {
                        break;
                    }
                    QueryPage current = page;
                    page = api.call("read more fields of " + object, () -> api.client().next(current));
                }
            }
        }
        return new ArrayList<>(whole);
    }
}
