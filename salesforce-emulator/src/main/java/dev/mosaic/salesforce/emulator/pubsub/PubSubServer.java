package dev.mosaic.salesforce.emulator.pubsub;

import dev.mosaic.salesforce.emulator.oauth.TokenStore;
import dev.mosaic.salesforce.emulator.org.Org;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's Pub/Sub API: a gRPC server (HTTP/2, plaintext, for local use) on its own port, serving the org's
 * change events. A new event reaches the subscribers that asked for more at once; every tick sends keepalives and
 * drops idle streams.
 */
public final class PubSubServer implements AutoCloseable {

    /** How often subscriptions are looked at for keepalives and idleness. */
    private static final long TICK_MILLIS = 200;

    private final Server server;
    private final PubSubService service;
    private final ScheduledExecutorService pushes;
    private final Clock clock;
    private final Runnable onAppend;
    private final Org org;
    private volatile Duration keepalive;
    private volatile Duration idleTimeout;

    /**
     * @param keepalive   how long a subscriber may hear nothing before an empty response (Salesforce: within 270 s)
     * @param idleTimeout how long a stream with nothing requested stays open without a fetch request (60 s)
     */
    public PubSubServer(String host, int port, Org org, TokenStore tokens, Clock clock, Duration keepalive,
                        Duration idleTimeout) {
        this.org = org;
        this.clock = clock;
        this.keepalive = keepalive;
        this.idleTimeout = idleTimeout;
        this.service = new PubSubService(org.changeDataCapture(), org.orgId(), clock);
        this.pushes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "salesforce-emulator-pubsub");
            thread.setDaemon(true);
            return thread;
        });
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(service, new PubSubAuth(tokens, org.orgId())))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Pub/Sub API on port " + port, e);
        }
        // Pushing runs on its own thread: the log is appended to under the org's write lock.
        this.onAppend = () -> pushes.execute(this::drainAll);
        org.changeDataCapture().log().onAppend(onAppend);
        pushes.scheduleWithFixedDelay(this::tickAll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.getPort();
    }

    public void keepalive(Duration keepalive) {
        this.keepalive = keepalive;
    }

    public void idleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** Live Subscribe streams. */
    public int subscriptions() {
        return (int) service.subscriptions().stream().filter(s -> !s.ended()).count();
    }

    /** Every live stream stops sending, keepalives included, and stays open: a silent stall. */
    public int stallAll() {
        service.subscriptions().forEach(Subscription::stall);
        return service.subscriptions().size();
    }

    /** Every live stream ends with this error code (e.g. {@code service.auth.error}), as when a session dies. */
    public int failAll(Status status, String errorCode, String message) {
        int ended = service.subscriptions().size();
        service.subscriptions().forEach(s -> s.end(PubSubErrors.error(status, errorCode, message)));
        service.subscriptions().clear();
        return ended;
    }

    private void drainAll() {
        long now = clock.millis();
        service.subscriptions().forEach(subscription -> subscription.drain(now));
    }

    private void tickAll() {
        long now = clock.millis();
        service.subscriptions().removeIf(Subscription::ended);
        service.subscriptions().forEach(subscription -> subscription.tick(now, keepalive.toMillis(), idleTimeout.toMillis()));
    }

    @Override
    public void close() {
        org.changeDataCapture().log().removeListener(onAppend);
        pushes.shutdownNow();
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
