package dev.mosaic;

import dev.mosaic.connection.ConnectionRequest;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.platform.config.MosaicProperties;
import dev.mosaic.salesforce.emulator.EmulatorCredentials;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.tenant.TenantService;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's Salesforce org: an emulator in this process, seeded with a realistic org of a few hundred accounts,
 * connected to the default workspace with its own credentials as an admin would paste them, and changing a little
 * every minute so the incremental sync has something to show.
 */
@Component
@Profile(DemoMode.PROFILE)
class DemoOrg implements DisposableBean {

    static final int ACCOUNTS = 300;
    private static final long SEED = 42;
    private static final Logger log = LoggerFactory.getLogger(DemoOrg.class);

    private final SalesforceEmulator emulator;
    private final SalesforceConnections connections;
    private final MosaicProperties properties;
    private final ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-org-changes");
        thread.setDaemon(true);
        return thread;
    });

    DemoOrg(SalesforceConnections connections, MosaicProperties properties) {
        this.connections = connections;
        this.properties = properties;
        this.emulator = SalesforceEmulator.builder().seed(SEED).accounts(ACCOUNTS).host("127.0.0.1").port(0).start();
    }

    @EventListener
    void connectWhenReady(ApplicationReadyEvent event) {
        EmulatorCredentials credentials = emulator.credentials();
        ConnectionRequest request = new ConnectionRequest(emulator.baseUrl(), credentials.clientId(),
                credentials.clientSecret(), credentials.refreshToken(), emulator.pubsubUrl());
        String tenant = TenantService.DEFAULT_TENANT;
        // The emulator starts afresh each time (same org, new tokens and port): an earlier demo's connection is renewed.
        Optional<SalesforceConnection> earlier = connections.list(tenant).stream()
                .filter(connection -> connection.orgId().equals(emulator.org().orgId())).findFirst();
        SalesforceConnection connection = earlier.isPresent()
                ? connections.reconnect(tenant, earlier.get().connectionId(), request)
                : connections.connect(tenant, request);
        AtomicLong seed = new AtomicLong(SEED);
        changes.scheduleWithFixedDelay(() -> emulator.org().mutate(seed.incrementAndGet(), 3, 8, 1), 1, 1, TimeUnit.MINUTES);
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        System.out.println("\n================ Mosaic demo ================\n"
                + "Open http://localhost:" + port + " and sign in as " + properties.admin().email() + " with password "
                + (DemoMode.ADMIN_PASSWORD.equals(properties.admin().password()) ? DemoMode.ADMIN_PASSWORD
                        : "(the MOSAIC_ADMIN_PASSWORD you set)") + "\n"
                + "A Salesforce emulator (org " + connection.orgId() + ", " + ACCOUNTS + " accounts) runs at "
                + emulator.baseUrl() + ";\nit is connected as connection " + connection.connectionId()
                + " and syncing now: watch it at http://localhost:" + port + "/settings/integrations\n"
                + "Data is kept in " + properties.dataDir().toAbsolutePath().normalize() + "\n"
                + "=============================================\n");
        log.info("Demo: Salesforce emulator at {} connected as {}", emulator.baseUrl(), connection.connectionId());
    }

    @Override
    public void destroy() {
        changes.shutdownNow();
        emulator.close();
    }
}
