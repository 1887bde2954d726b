package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once: allOrNone composites (half of them failing) race plain queries. No request may
 * fail with a 5xx, no rolled-back pair may leave a record, and no query may see half a composite.
 */
class CompositeConcurrencyTest {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 15;

    @Test
    void concurrentAllOrNoneCompositesAreAtomicAndNeverSeenHalfDone() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().seed(12).accounts(5).start()) {
            Http http = new Http(emulator.baseUrl());
            String token = http.login(emulator.credentials());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> kept = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    kept.add(clients.submit(() -> run(http, token, client)));
                }
                int expected = 0;
                for (Future<Integer> f : kept) {
                    expected += f.get();
                }
                JsonNode accounts = json(http.get(V + "/queryAll?q=" + Http.enc(
                        "SELECT COUNT() FROM Account WHERE Name LIKE 'Pair %'"), token));
                JsonNode contacts = json(http.get(V + "/queryAll?q=" + Http.enc(
                        "SELECT COUNT() FROM Contact WHERE LastName LIKE 'Pair %'"), token));
                assertThat(accounts.get("totalSize").asInt()).isEqualTo(expected);
                assertThat(contacts.get("totalSize").asInt()).isEqualTo(expected);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /** Returns how many pairs this client committed. */
    private static int run(Http http, String token, int client) {
        int committed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean fail = (client + round) % 2 == 0;
            String name = "Pair " + client + "-" + round;
            List<Map<String, Object>> subs = new ArrayList<>();
            subs.add(sub("POST", V + "/sobjects/Account", "A", Map.of("Name", name)));
            subs.add(sub("POST", V + "/sobjects/Contact", "C", Map.of("LastName", name, "AccountId", "@{A.id}")));
            if (fail) {
                subs.add(sub("PATCH", V + "/sobjects/Account/@{A.id}", "Bad", Map.of("NoSuchField__c", 1)));
            }
            var response = http.postJson(V + "/composite", token, Map.of("allOrNone", true, "compositeRequest", subs));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (!fail) {
                committed++;
            }
            // A reader sees each pair whole or not at all: every "Pair" account has its contact.
            JsonNode orphans = json(http.get(V + "/query?q=" + Http.enc(
                    "SELECT Id FROM Account WHERE Name LIKE 'Pair %' AND Id NOT IN (SELECT AccountId FROM Contact)"), token));
            assertThat(orphans.get("totalSize").asInt()).as(orphans.toString()).isZero();
        }
        return committed;
    }

    private static Map<String, Object> sub(String method, String url, String referenceId, Object body) {
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("method", method);
        sub.put("url", url);
        sub.put("referenceId", referenceId);
        sub.put("body", body);
        return sub;
    }
}
