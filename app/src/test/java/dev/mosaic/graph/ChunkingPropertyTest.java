package dev.mosaic.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The batch write path means what writing one record at a time means: the same generated input, sent one
 * item at a time and in chunks of several sizes and orders, each into a workspace of its own, ends in the
 * same clusters (which source records are one entity), the same golden values (winner, source and competing
 * values of every field) and the same links. Entity ids may differ; nothing else may.
 */
class ChunkingPropertyTest extends MosaicIntegrationTest {

    private static final List<String> COLLECTIONS = List.of("organizations", "contacts", "deals", "interactions", "notes");

    @Test
    void chunkSizeAndOrderChangeNeitherClustersNorGoldenValuesNorLinks() throws Exception {
        GeneratedInput input = GeneratedInput.of(new Random(20261206));

        Map<String, String> oneAtATime = graphAfter(input, 1, Order.AS_GENERATED);

        assertThat(oneAtATime).as("the input must make some clusters of several records").isNotEmpty();
        assertThat(clusterCount(oneAtATime)).isLessThan(input.itemCount());
        assertThat(graphAfter(input, 7, Order.SHUFFLED)).isEqualTo(oneAtATime);
        assertThat(graphAfter(input, 50, Order.REVERSED)).isEqualTo(oneAtATime);
        assertThat(graphAfter(input, 10_000, Order.SHUFFLED)).isEqualTo(oneAtATime);
    }

    private enum Order { AS_GENERATED, SHUFFLED, REVERSED }

    /**
     * Writes the input into a new workspace, then reads back every entity: cluster (its records' refs, sorted)
     * → its golden fields and its relations, each relation naming the other side by its cluster.
     */
    private Map<String, String> graphAfter(GeneratedInput input, int chunkSize, Order order) throws Exception {
        String token = newTenantToken();
        for (List<Item> phase : input.phases()) {
            List<Item> items = new ArrayList<>(phase);
            if (order == Order.SHUFFLED) {
                Collections.shuffle(items, new Random(chunkSize));
            } else if (order == Order.REVERSED) {
                Collections.reverse(items);
            }
            for (int from = 0; from < items.size(); from += chunkSize) {
                Map<String, ObjectNode> batches = new TreeMap<>();
                for (Item item : items.subList(from, Math.min(items.size(), from + chunkSize))) {
                    ObjectNode batch = batches.computeIfAbsent(item.source(), source -> JSON.createObjectNode());
                    ArrayNode array = batch.has(item.array()) ? (ArrayNode) batch.get(item.array()) : batch.putArray(item.array());
                    array.add(item.body());
                }
                for (Map.Entry<String, ObjectNode> batch : batches.entrySet()) {
                    call("POST", "/api/v1/ingest/" + batch.getKey(), token, batch.getValue());
                }
            }
        }
        Map<String, JsonNode> entities = new TreeMap<>();
        Map<String, String> clusterOfId = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            for (JsonNode summary : getJson("/api/v1/" + collection + "?limit=500", token).path("items")) {
                JsonNode detail = getJson("/api/v1/" + collection + "/" + summary.path("id").asText(), token);
                TreeSet<String> refs = new TreeSet<>();
                detail.path("externalIds").forEach(ref -> refs.add(ref.path("system").asText() + "/"
                        + ref.path("object").asText() + "/" + ref.path("id").asText()));
                clusterOfId.put(detail.path("id").asText(), refs.toString());
                entities.put(refs.toString(), detail);
            }
        }
        Map<String, String> graph = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entity : entities.entrySet()) {
            TreeSet<String> relations = new TreeSet<>();
            entity.getValue().path("relations").forEach(relation -> relations.add(relation.path("kind").asText() + " "
                    + relation.path("direction").asText() + " " + clusterOfId.get(relation.path("id").asText()) + " "
                    + relation.path("attributes")));
            graph.put(entity.getKey(), entity.getValue().path("name").asText() + "\n" + entity.getValue().path("fields")
                    + "\n" + relations);
        }
        return graph;
    }

    private static long clusterCount(Map<String, String> graph) {
        return graph.size();
    }

    /** One item of an ingest batch. */
    private record Item(String source, String array, ObjectNode body) {
    }

    /**
     * Organizations, contacts (current and past employers), deals, interactions and notes from two sources that
     * overlap as real ones do: the same domain in another form, the same mailbox in another case, the same phone
     * and last name, the same name alone (a suggestion, not a merge), and chains that join three records across
     * sources. Then a second phase re-sends some items with a later time and changed titles. Every item carries
     * its own time, so "most recent wins" does not depend on when it arrived. Key fields never change between
     * phases: a merge made on a key that later changes stays made, so such input would depend on its order.
     */
    private record GeneratedInput(List<List<Item>> phases) {

        int itemCount() {
            return phases.stream().mapToInt(List::size).sum();
        }

        static GeneratedInput of(Random random) {
            List<Item> first = new ArrayList<>();
            List<Item> second = new ArrayList<>();
            String[] sources = {"crm-a", "crm-b"};
            int organizations = 24;
            for (int o = 0; o < organizations; o++) {
                for (String source : sources) {
                    if (source.equals("crm-b") && o % 3 == 2) {
                        continue;
                    }
                    ObjectNode org = JSON.createObjectNode().put("externalId", "o" + o).put("name", "Company " + (o % 20))
                            .put("updatedAt", time(random));
                    if (source.equals("crm-a")) {
                        org.put("domain", "company" + o + ".com");
                    } else if (o % 3 == 0) {
                        org.put("website", "https://www.COMPANY" + o + ".com/about");
                    } else {
                        org.put("domain", "other" + o + ".com").put("industry", "Retail");
                    }
                    first.add(new Item(source, "organizations", org));
                }
            }
            for (int c = 0; c < 80; c++) {
                for (String source : sources) {
                    if (source.equals("crm-b") && c % 3 != 0 && c % 7 != 1) {
                        continue;
                    }
                    ObjectNode contact = JSON.createObjectNode().put("externalId", "c" + c)
                            .put("firstName", "First" + (c % 11)).put("lastName", "Last" + (c % 13))
                            .put("title", random.nextBoolean() ? "Director" : "Engineer").put("updatedAt", time(random))
                            .put("organization", "o" + (c % organizations));
                    if (c % 7 == 1 && source.equals("crm-b")) {
                        contact.put("phone", "+1 415 555 " + (1000 + c));
                    } else {
                        contact.put("email", (source.equals("crm-a") ? "p" : "P") + c + "@company" + (c % organizations)
                                + ".com");
                    }
                    if (source.equals("crm-a") && c % 7 == 1) {
                        contact.put("phone", "(415) 555-" + (1000 + c));
                    }
                    if (c % 10 == 5 && source.equals("crm-b")) {
                        // A chain: this record's second mailbox is another person's first, so three records become one.
                        contact.put("secondaryEmail", "p" + (c + 1) + "@company" + ((c + 1) % organizations) + ".com");
                    }
                    if (c % 4 == 0) {
                        contact.putArray("pastOrganizations").add("o" + ((c + 5) % organizations));
                    }
                    first.add(new Item(source, "contacts", contact));
                    if (c % 5 == 0) {
                        ObjectNode resent = contact.deepCopy().put("title", "VP " + c).put("updatedAt", later(random));
                        second.add(new Item(source, "contacts", resent));
                    }
                }
            }
            for (int d = 0; d < 20; d++) {
                ObjectNode deal = JSON.createObjectNode().put("externalId", "d" + d).put("name", "Deal " + d)
                        .put("stage", "Prospecting").put("amount", 1000 * (d + 1)).put("currency", "USD")
                        .put("organization", "o" + (d % organizations)).put("updatedAt", time(random));
                deal.putArray("contacts").addObject().put("externalId", "c" + (d * 3 % 80)).put("role", "Champion");
                first.add(new Item("crm-a", "deals", deal));
                if (d % 4 == 0) {
                    second.add(new Item("crm-a", "deals", deal.deepCopy().put("stage", "Negotiation")
                            .put("updatedAt", later(random))));
                }
            }
            for (int i = 0; i < 30; i++) {
                ObjectNode interaction = JSON.createObjectNode().put("externalId", "i" + i).put("type", "call")
                        .put("occurredAt", time(random)).put("subject", "Call " + i).put("updatedAt", time(random));
                interaction.putArray("contacts").add("c" + (i * 7 % 80));
                first.add(new Item(i % 2 == 0 ? "crm-a" : "crm-b", "interactions", interaction));
            }
            for (int n = 0; n < 10; n++) {
                first.add(new Item("crm-a", "notes", JSON.createObjectNode().put("externalId", "n" + n)
                        .put("title", "Note " + n).put("body", "Notes about " + n).put("organization", "o" + n)
                        .put("updatedAt", time(random))));
            }
            return new GeneratedInput(List.of(first, second));
        }

        private static String time(Random random) {
            return java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 200)).toString();
        }

        private static String later(Random random) {
            return java.time.Instant.parse("2026-09-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 30)).toString();
        }
    }
}
