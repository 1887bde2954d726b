package dev.mosaic.bench.sync;

import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.harness.Latencies;
import dev.mosaic.bench.harness.MosaicHttp;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What people read once an org is synced, under load: concurrent clients call the organizations list (sorted by a
 * figure, and searched), an organization's and a contact's 360, an organization's timeline and the pipeline, each
 * picked at random, for a while; the latency of each kind of call is kept apart.
 */
final class ViewReads {

    private static final List<String> SORTS = List.of("open-pipeline", "won", "last-activity", "contacts", "name");

    /** What is measured, and what each call asks for, given a random source. */
    private record Call(String name, Function<SplittableRandom, String> path) {
    }

    /** The result: latency per kind of call and over all, and how many calls failed (with a 5xx, or no answer). */
    record Result(Map<String, Latencies> byCall, Latencies all, long errors, long serverErrors, double seconds) {
    }

    private ViewReads() {
    }

    static Result run(MosaicHttp http, int clients, Duration duration, PrintStream out) throws Exception {
        List<String> organizations = ids(http, "api/v1/organizations/figures?sort=open-pipeline&limit=500");
        List<String> contacts = ids(http, "api/v1/contacts?limit=500");
        List<String> terms = organizations.isEmpty() ? List.of() : names(http);
        List<Call> calls = List.of(
                new Call("organizationList", random -> "api/v1/organizations/figures?sort="
                        + SORTS.get(random.nextInt(SORTS.size())) + "&limit=50&offset=" + 50 * random.nextInt(20)),
                new Call("organizationSearch", random -> "api/v1/organizations/figures?sort=open-pipeline&q="
                        + URLEncoder.encode(terms.get(random.nextInt(terms.size())), StandardCharsets.UTF_8)),
                new Call("organization360", random -> "api/v1/organizations/" + pick(organizations, random)),
                new Call("contact360", random -> "api/v1/contacts/" + pick(contacts, random)),
                new Call("timeline", random -> "api/v1/organizations/" + pick(organizations, random) + "/timeline?limit=25"),
                new Call("pipeline", random -> "api/v1/pipeline"));
        Map<String, Latencies> byCall = new LinkedHashMap<>();
        calls.forEach(call -> byCall.put(call.name(), new Latencies()));
        Latencies all = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                SplittableRandom random = new SplittableRandom(client);
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Call call = calls.get(random.nextInt(calls.size()));
                        String path = call.path().apply(random);
                        long before = System.nanoTime();
                        MosaicHttp.Response response;
                        try {
                            response = http.get(path);
                        } catch (java.io.IOException noAnswer) {
                            response = new MosaicHttp.Response(599, noAnswer.toString());
                        }
                        long took = System.nanoTime() - before;
                        if (response.status() != 200) {
                            errors.incrementAndGet();
                            serverErrors.addAndGet(response.status() >= 500 ? 1 : 0);
                            out.printf("  %s answered %d: %s%n", path, response.status(), response.shortBody());
                        }
                        byCall.get(call.name()).add(took);
                        all.add(took);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(byCall, all, errors.get(), serverErrors.get(), (System.nanoTime() - started) / 1e9);
    }

    private static String pick(List<String> ids, SplittableRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static List<String> ids(MosaicHttp http, String path) throws Exception {
        List<String> ids = new ArrayList<>();
        SyncDriver.read(http, path).path("items").forEach(item -> ids.add(item.path("id").asText()));
        if (ids.isEmpty()) {
            throw new BenchFailure(path + " listed nothing to read");
        }
        return ids;
    }

    /** Search terms as people type them: the first word of some organizations' names. */
    private static List<String> names(MosaicHttp http) throws Exception {
        List<String> terms = new ArrayList<>();
        SyncDriver.read(http, "api/v1/organizations/figures?sort=name&limit=200").path("items").forEach(item -> {
            String word = item.path("name").asText().split("[^\\p{L}\\p{N}]+")[0];
            if (word.length() >= 3) {
                terms.add(word.toLowerCase(java.util.Locale.ROOT));
            }
        });
        return terms.isEmpty() ? List.of("a") : terms;
    }
}
