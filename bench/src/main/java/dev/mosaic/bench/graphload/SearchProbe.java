package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.harness.Latencies;
import dev.mosaic.bench.harness.MosaicHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs searches with a few concurrent clients and times each one, answer read in full. */
final class SearchProbe {

    /**
     * {@code misses}: searches about a loaded entity that found nothing (search is broken, not slow);
     * {@code slowest}: the slowest few, with their times, to know where a high p99 comes from.
     */
    record Result(Latencies latencies, int misses, List<String> missSamples, List<String> slowest, double seconds) {
    }

    private static final int SLOWEST = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchProbe() {
    }

    static Result run(MosaicHttp http, List<SearchTerms.Search> searches, int clients) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger misses = new AtomicInteger();
        List<String> missSamples = new ArrayList<>();
        PriorityQueue<Timed> slowest = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos));
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> new Thread(runnable, "search-client"));
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < searches.size(); i = next.getAndIncrement()) {
                        SearchTerms.Search search = searches.get(i);
                        String path = "api/v1/" + search.collection() + "?q="
                                + URLEncoder.encode(search.term(), StandardCharsets.UTF_8);
                        long sent = System.nanoTime();
                        MosaicHttp.Response response = http.get(path);
                        long took = System.nanoTime() - sent;
                        latencies.add(took);
                        synchronized (slowest) {
                            slowest.add(new Timed(took, search.collection() + " '" + search.term() + "'"));
                            if (slowest.size() > SLOWEST) {
                                slowest.poll();
                            }
                        }
                        if (response.status() != 200) {
                            throw new BenchFailure("GET /" + path + " answered " + response.status() + ":\n"
                                    + response.shortBody());
                        }
                        if (JSON.readTree(response.body()).path("total").asLong() == 0) {
                            misses.incrementAndGet();
                            synchronized (missSamples) {
                                if (missSamples.size() < 5) {
                                    missSamples.add(search.collection() + " '" + search.term() + "'");
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                try {
                    client.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof BenchFailure failure) {
                        throw failure;
                    }
                    throw new BenchFailure("A search failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> slowestFirst = slowest.stream().sorted(Comparator.comparingLong(Timed::nanos).reversed())
                .map(timed -> String.format("%s %.0f ms", timed.label(), timed.nanos() / 1e6)).toList();
        return new Result(latencies, misses.get(), List.copyOf(missSamples), slowestFirst, (System.nanoTime() - started) / 1e9);
    }

    private record Timed(long nanos, String label) {
    }
}
