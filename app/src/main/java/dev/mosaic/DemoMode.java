package dev.mosaic;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * The {@code demo} subcommand: Mosaic with an in-process Salesforce emulator, connected and syncing (see
 * {@link DemoOrg}). The demo keeps its data apart from the real service's ({@code ./mosaic-demo-data}), listens on
 * 127.0.0.1 only, and signs its admin in with a fixed password it prints, so anyone can try it at once. Environment
 * variables still win over each of these defaults.
 */
final class DemoMode {

    static final String COMMAND = "demo";
    static final String PROFILE = "demo";
    static final String ADMIN_PASSWORD = "mosaic-demo";

    private DemoMode() {
    }

    /** Strips the subcommand from the arguments and switches the demo profile on when it was given. */
    static String[] apply(SpringApplication app, String[] args) {
        if (args.length == 0 || !COMMAND.equals(args[0])) {
            return args;
        }
        app.setAdditionalProfiles(PROFILE);
        app.setDefaultProperties(Map.of(
                "mosaic.data-dir", "./mosaic-demo-data",
                "mosaic.admin.password", ADMIN_PASSWORD,
                "server.address", "127.0.0.1",
                "mosaic.salesforce.allowed-hosts", "127.0.0.1",
                "mosaic.salesforce.sync-interval", "1m"));
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
