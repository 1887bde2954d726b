package dev.mosaic.salesforce.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.mosaic.salesforce.emulator.bulk.BulkIngestJobs;
import dev.mosaic.salesforce.emulator.bulk.BulkIngestResource;
import dev.mosaic.salesforce.emulator.bulk.BulkJobsRouter;
import dev.mosaic.salesforce.emulator.bulk.BulkQueryJobs;
import dev.mosaic.salesforce.emulator.bulk.BulkQueryResource;
import dev.mosaic.salesforce.emulator.composite.CompositeResource;
import dev.mosaic.salesforce.emulator.control.ControlApi;
import dev.mosaic.salesforce.emulator.faults.FaultPlan;
import dev.mosaic.salesforce.emulator.faults.Sleeper;
import dev.mosaic.salesforce.emulator.http.HttpFront;
import dev.mosaic.salesforce.emulator.http.Ids;
import dev.mosaic.salesforce.emulator.http.Json;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;
import dev.mosaic.salesforce.emulator.limits.CallStats;
import dev.mosaic.salesforce.emulator.oauth.AuthorizationCodes;
import dev.mosaic.salesforce.emulator.oauth.AuthorizeEndpoint;
import dev.mosaic.salesforce.emulator.oauth.ConnectedApp;
import dev.mosaic.salesforce.emulator.oauth.IdentityEndpoints;
import dev.mosaic.salesforce.emulator.oauth.JwtBearerVerifier;
import dev.mosaic.salesforce.emulator.oauth.OAuthRouter;
import dev.mosaic.salesforce.emulator.oauth.TokenEndpoint;
import dev.mosaic.salesforce.emulator.oauth.TokenResponses;
import dev.mosaic.salesforce.emulator.oauth.TokenStore;
import dev.mosaic.salesforce.emulator.oauth.UserDirectory;
import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.soql.QueryTimeout;
import dev.mosaic.salesforce.emulator.pubsub.PubSubServer;
import dev.mosaic.salesforce.emulator.rest.DataApi;
import dev.mosaic.salesforce.emulator.rest.DataRouter;
import dev.mosaic.salesforce.emulator.rest.LimitsResource;
import dev.mosaic.salesforce.emulator.rest.QueryCursors;
import dev.mosaic.salesforce.emulator.rest.QueryResource;
import dev.mosaic.salesforce.emulator.rest.ResourcesResource;
import dev.mosaic.salesforce.emulator.rest.SObjectsResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A Salesforce org over real HTTP, embeddable in-process:
 * <pre>{@code
 * try (SalesforceEmulator emu = SalesforceEmulator.builder().seed(42).accounts(100).start()) {
 *     String baseUrl = emu.baseUrl();            // login host and instance host at once
 *     EmulatorCredentials creds = emu.credentials();
 * }
 * }</pre>
 * The same base URL serves OAuth, the REST/composite/Bulk data API and the {@code /__emulator/} control API; the
 * Pub/Sub API (Change Data Capture over gRPC) listens on a port of its own, {@link #pubsubUrl()}.
 */
public final class SalesforceEmulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ExecutorService bulkThreads;
    private final String baseUrl;
    private final String pubsubHost;
    private final EmulatorCredentials credentials;
    private final Org org;
    private final FaultPlan faults;
    private final TokenStore tokens;
    private final ApiUsage usage;
    private final PubSubServer pubsub;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SalesforceEmulator(Builder b) throws IOException {
        this.org = b.org != null ? b.org
                : InMemoryOrg.generate(b.seed, b.accounts, b.clock, new QueryTimeout(b.queryTimeout, b.queryTimeSource));
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
        // A wildcard bind is reached through loopback; an IPv6 literal needs brackets in a URL.
        String urlHost = b.host.equals("0.0.0.0") ? "127.0.0.1"
                : b.host.equals("::") ? "[::1]"
                : b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.baseUrl = "http://" + urlHost + ":" + server.getAddress().getPort();
        this.pubsubHost = urlHost;

        String username = b.username != null ? b.username : org.adminUser().username();
        this.credentials = new EmulatorCredentials(
                b.clientId != null ? b.clientId : "3MVG9" + Ids.random(80),
                b.clientSecret != null ? b.clientSecret : Ids.random(64, "0123456789ABCDEF"),
                b.refreshToken != null ? b.refreshToken : "5Aep861" + Ids.random(80),
                username,
                b.password != null ? b.password : Ids.random(20));

        ConnectedApp app = new ConnectedApp(credentials.clientId(), credentials.clientSecret(), Optional.ofNullable(b.jwtPublicKey),
                b.rotateRefreshTokens);
        this.tokens = new TokenStore(b.clock, b.sessionLifetime, org.orgId());
        tokens.registerRefreshToken(credentials.refreshToken(), org.adminUser(), app.clientId(), "refresh_token web api");
        this.usage = new ApiUsage(b.apiLimit, b.clock);
        this.faults = new FaultPlan();
        CallStats stats = new CallStats();
        UserDirectory users = new UserDirectory(org, username, credentials.password());
        AuthorizationCodes codes = new AuthorizationCodes(b.clock);
        TokenResponses responses = new TokenResponses(baseUrl, org.orgId(), app);
        OAuthRouter oauth = new OAuthRouter(
                new TokenEndpoint(org, app, tokens, users, codes, new JwtBearerVerifier(app, baseUrl, b.clock), responses),
                new AuthorizeEndpoint(app, users, codes),
                new IdentityEndpoints(org, baseUrl, tokens, users, responses),
                tokens);

        this.bulkThreads = Executors.newFixedThreadPool(2, daemonThreads("salesforce-emulator-bulk"));
        Executor bulkExecutor = b.bulkJobExecutor != null ? b.bulkJobExecutor : bulkThreads;
        QueryCursors cursors = new QueryCursors(b.clock, 10_000);
        DataRouter router = new DataRouter();
        router.register("", new ResourcesResource())
                .register("limits", new LimitsResource(usage))
                .register("sobjects", new SObjectsResource(org))
                .register("query", new QueryResource(org, cursors, QueryMode.REST_QUERY))
                .register("queryAll", new QueryResource(org, cursors, QueryMode.REST_QUERY_ALL))
                .register("composite", new CompositeResource(router, usage, org))
                .register("jobs", new BulkJobsRouter(new BulkQueryResource(org, new BulkQueryJobs(bulkExecutor, org), usage),
                        new BulkIngestResource(org, new BulkIngestJobs(bulkExecutor, org))));
        DataApi data = new DataApi(tokens, usage, stats, router);
        this.pubsub = new PubSubServer(b.host, b.pubsubPort, org, tokens, b.clock, b.pubsubKeepalive, b.pubsubIdleTimeout);
        ControlApi control = new ControlApi(org, usage, stats, faults, tokens, pubsub);

        this.httpThreads = Executors.newFixedThreadPool(b.threads, daemonThreads("salesforce-emulator-http"));
        server.setExecutor(httpThreads);
        server.createContext("/", new HttpFront(new EmulatorRoutes(control, oauth, data, stats), faults, b.sleeper,
                usage::limitInfoHeader));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://host:port}: the login URL and the instance URL. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The Pub/Sub API's gRPC endpoint, {@code host:port} (plaintext). */
    public String pubsubUrl() {
        return pubsubHost + ":" + pubsub.port();
    }

    /** The Pub/Sub API server, for its fault controls in-process. */
    public PubSubServer pubsub() {
        return pubsub;
    }

    public EmulatorCredentials credentials() {
        return credentials;
    }

    public Org org() {
        return org;
    }

    /** Faults to inject in-process (the same plan {@code POST /__emulator/faults} arms). */
    public FaultPlan faults() {
        return faults;
    }

    /** API calls counted so far against the daily limit. */
    public long apiCalls() {
        return usage.used();
    }

    /** Ends every live session, as {@code POST /__emulator/expire-sessions} does. */
    public void expireSessions() {
        tokens.expireAllSessions();
    }

    /** The line the command line prints once the server listens: {@code EMULATOR READY {json}}. */
    public String readyLine() {
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("baseUrl", baseUrl);
        ready.put("clientId", credentials.clientId());
        ready.put("clientSecret", credentials.clientSecret());
        ready.put("refreshToken", credentials.refreshToken());
        ready.put("username", credentials.username());
        ready.put("password", credentials.password());
        ready.put("orgId", org.orgId());
        ready.put("pubsubUrl", pubsubUrl());
        return "EMULATOR READY " + new String(Json.write(ready), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        pubsub.close();
        httpThreads.shutdownNow();
        bulkThreads.shutdownNow();
        try {
            httpThreads.awaitTermination(5, TimeUnit.SECONDS);
            bulkThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SalesforceEmulator[" + baseUrl + ", org=" + org.orgId() + "]";
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options for an emulator; every one has a default, and credentials not given are generated. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private long seed = 42;
        private int accounts = 100;
        private Clock clock = Clock.systemUTC();
        private String clientId;
        private String clientSecret;
        private String refreshToken;
        private String username;
        private String password;
        private long apiLimit = 15_000;
        private Duration sessionLifetime = Duration.ofHours(2);
        private Duration queryTimeout = QueryTimeout.DEFAULT;
        private LongSupplier queryTimeSource = System::nanoTime;
        private boolean rotateRefreshTokens;
        private PublicKey jwtPublicKey;
        private Sleeper sleeper = Sleeper.REAL;
        private Org org;
        private int threads = 16;
        private Executor bulkJobExecutor;
        private int pubsubPort = 0;
        private Duration pubsubKeepalive = Duration.ofSeconds(270);
        private Duration pubsubIdleTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The Pub/Sub API's port; 0 (the default) picks a free one. */
        public Builder pubsubPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("pubsubPort must be 0-65535: " + port);
            }
            this.pubsubPort = port;
            return this;
        }

        /**
         * How long a Pub/Sub subscriber may hear nothing before an empty keepalive response (Salesforce: within 270 s),
         * and how long a stream with nothing requested stays open without a fetch request (60 s).
         */
        public Builder pubsubTimings(Duration keepalive, Duration idleTimeout) {
            if (keepalive.isNegative() || keepalive.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("Pub/Sub keepalive and idle timeout must be positive");
            }
            this.pubsubKeepalive = keepalive;
            this.pubsubIdleTimeout = idleTimeout;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder accounts(int accounts) {
            if (accounts < 0) {
                throw new IllegalArgumentException("accounts must not be negative: " + accounts);
            }
            this.accounts = accounts;
            return this;
        }

        /** The clock for sessions, codes, cursors and the generated org (so expiry is testable without waiting). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** The admin's login name (defaults to the org's admin username). */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The password of the admin and of the restricted user. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The daily API request limit ({@code DailyApiRequests.Max}). */
        public Builder apiLimit(long apiLimit) {
            if (apiLimit < 0) {
                throw new IllegalArgumentException("apiLimit must not be negative: " + apiLimit);
            }
            this.apiLimit = apiLimit;
            return this;
        }

        /** Salesforce's "Refresh Token Rotation": each refresh answers with a new refresh token, the old one dies. */
        public Builder rotateRefreshTokens(boolean rotate) {
            this.rotateRefreshTokens = rotate;
            return this;
        }

        /** The org's session timeout (default two hours). */
        public Builder sessionLifetime(Duration sessionLifetime) {
            this.sessionLifetime = Objects.requireNonNull(sessionLifetime);
            return this;
        }

        /**
         * How long one query may work before it fails with 400 {@code QUERY_TIMEOUT} (a Bulk job: state Failed);
         * default two minutes, as on Salesforce. Not used with {@link #org(Org)}.
         */
        public Builder queryTimeout(Duration queryTimeout) {
            if (queryTimeout.isNegative() || queryTimeout.isZero()) {
                throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
            }
            this.queryTimeout = queryTimeout;
            return this;
        }

        /**
         * Monotonic nanoseconds that query timeouts are measured in (default {@code System::nanoTime}), so tests
         * can make a query run out of time without running long.
         */
        public Builder queryTimeSource(LongSupplier nanoTime) {
            this.queryTimeSource = Objects.requireNonNull(nanoTime);
            return this;
        }

        /** The Connected App certificate's public key, for the JWT bearer flow. */
        public Builder jwtPublicKey(PublicKey jwtPublicKey) {
            this.jwtPublicKey = jwtPublicKey;
            return this;
        }

        /** How SLOW faults wait; tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** Serve an org built elsewhere instead of generating one from seed and accounts. */
        public Builder org(Org org) {
            this.org = org;
            return this;
        }

        /** Size of the HTTP worker pool. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Where Bulk query and ingest jobs run (default: two daemon threads). Tests pass an executor they drain by hand
         * to observe a job before it completes.
         */
        public Builder bulkJobExecutor(Executor bulkJobExecutor) {
            this.bulkJobExecutor = bulkJobExecutor;
            return this;
        }

        public SalesforceEmulator start() {
            try {
                return new SalesforceEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Salesforce emulator on " + host + ":" + port, e);
            }
        }
    }
}
